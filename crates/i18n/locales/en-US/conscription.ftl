## Words and messages of the conscription room.

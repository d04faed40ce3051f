## Words and messages of the safety room.

## Words and messages of the security room.

"""Which characters belong to scripts written without spaces between words."""

import re

# Thai and Han (Chinese) are written without spaces; each character is a token.
UNSPACED = "\u0e00-\u0e7f\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
UNSPACED_CHAR = re.compile(f"[{UNSPACED}]")
UNSPACED_SPLIT = re.compile(f"([{UNSPACED}])")


def is_unspaced(char: str) -> bool:
    return bool(UNSPACED_CHAR.match(char))

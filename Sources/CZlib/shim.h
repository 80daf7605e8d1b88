// zlib (zlib1g-dev): the deflate compressor PNG files use.
#include <zlib.h>

// The one translation unit that compiles Boost.JSON (header-only mode), so every core library can
// use <boost/json.hpp> without a compiled Boost library (the CUDA build machine has none).
#include <boost/json/src.hpp>

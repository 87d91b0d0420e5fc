#include "channel/recordjson.h"

namespace m1::recordjson {

simdjson::ondemand::parser &threadParser()
{
    thread_local simdjson::ondemand::parser parser;
    return parser;
}

} // namespace m1::recordjson

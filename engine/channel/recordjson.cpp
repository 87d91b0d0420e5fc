#include "channel/recordjson.h"

namespace m1::recordjson {

simdjson::ondemand::parser &threadParser()
{
    thread_local simdjson::ondemand::parser parser;
    return parser;
}

bool openObject(QByteArrayView json, OpenRecord &record)
{
    record.padded = simdjson::padded_string(json.data(), size_t(json.size()));
    return threadParser().iterate(record.padded).get(record.document) == simdjson::SUCCESS
           && record.document.get_object().get(record.root) == simdjson::SUCCESS;
}

} // namespace m1::recordjson

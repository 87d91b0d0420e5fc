#pragma once

// Whether and how a front runs the WhatsApp webhook server inside the engine (the console's
// opt-in "receive messages here"). The service itself is described exactly as for `m1bot serve`.

#include "facade/serveoptions.h"

#include <QMetaType>

namespace m1 {

struct WebhookSettings
{
    bool enabled = false;
    ServeOptions serve;
};

} // namespace m1

Q_DECLARE_METATYPE(m1::WebhookSettings)

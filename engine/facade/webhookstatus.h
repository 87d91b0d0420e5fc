#pragma once

// What the engine's webhook server is doing, for a status bar.

#include <QMetaType>
#include <QString>

namespace m1 {

struct WebhookStatus
{
    enum class State { Off, Starting, Listening, Error };

    State state = State::Off;
    QString address; // "127.0.0.1:8080": where it listens (Listening) or is meant to (otherwise)
    QString url;     // "http://127.0.0.1:8080/webhook" while listening
    QString error;   // State::Error: what went wrong ("cannot listen on …: address in use")
    int workers = 0; // worker lanes while listening
};

} // namespace m1

Q_DECLARE_METATYPE(m1::WebhookStatus)

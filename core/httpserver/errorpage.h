#pragma once

#include <QByteArray>

namespace infralab::httpserver {

// The body of a standard error response, shaped like nginx's (a small HTML page naming the
// status) with InfraLab's server token.
QByteArray errorPage(int status);

} // namespace infralab::httpserver

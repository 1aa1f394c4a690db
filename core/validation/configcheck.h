#pragma once

#include "catalogue/configkey.h"
#include "validation/problem.h"

#include <QJsonObject>

namespace infralab {

// Checks configuration objects against a catalogue schema (a kind's `config` or a caller's
// `linkConfig`): value types, integral numbers, ranges, enums, string lists and request lists.
// Keys not in the schema are warnings (they are kept on save). Appends to `problems` with
// paths below `path` (`nodes[2].config`).
void checkConfig(const QList<ConfigKey> &schema, const QJsonObject &config, const QString &path,
                 Problems &problems);

// Checks one value against its key's schema; `path` is the value's own path.
void checkConfigValue(const ConfigKey &key, const QJsonValue &value, const QString &path,
                      Problems &problems);

} // namespace infralab

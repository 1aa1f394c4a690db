#pragma once

#include "catalogue/choices.h"
#include "catalogue/configkey.h"

#include <QCoreApplication>
#include <QList>

#include <initializer_list>

namespace infralab::schema {

// Small builders for the catalogue's configuration schemas. Every `help` argument is an
// untranslated source string wrapped in QT_TRANSLATE_NOOP("Catalogue", …) at the call site so
// lupdate finds it; units are short symbols ("ms", "s", "bytes", "req/s") shown untranslated.

QString text(const char *utf8);

ConfigKey intKey(const char *key, qint64 defaultValue, qint64 minimum, qint64 maximum,
                 const char *help, const char *unit = "");
ConfigKey numberKey(const char *key, double defaultValue, double minimum, double maximum,
                    const char *help, const char *unit = "");
ConfigKey boolKey(const char *key, bool defaultValue, const char *help);
ConfigKey stringKey(const char *key, const char *defaultValue, const char *help);
ConfigKey pathKey(const char *key, const char *defaultValue, const char *help);
ConfigKey enumKey(const char *key, const char *defaultValue,
                  std::initializer_list<const char *> values, const char *help);
ConfigKey enumKey(const char *key, const QString &defaultValue, const QStringList &values,
                  const char *help);
// An Enum key whose values are a kind's typed choice table (catalogue/choices.h): the names
// are written once, in the table, which the kind's parse reads too.
template<typename E, std::size_t N>
ConfigKey enumKey(const char *key, E defaultValue, const Choices<E, N> &choices, const char *help)
{
    return enumKey(key, choiceName(choices, defaultValue), choiceNames(choices), help);
}
ConfigKey listKey(const char *key, std::initializer_list<const char *> defaultValue,
                  const char *help);

// The groups the inspector sorts a kind's keys into, in the order they first appear in the
// kind's declaration (source strings, context "Catalogue").
namespace group {
inline constexpr const char *Listening = QT_TRANSLATE_NOOP("Catalogue", "Listening");
inline constexpr const char *Behaviour = QT_TRANSLATE_NOOP("Catalogue", "Behaviour");
inline constexpr const char *Load = QT_TRANSLATE_NOOP("Catalogue", "Load");
inline constexpr const char *Requests = QT_TRANSLATE_NOOP("Catalogue", "Requests");
inline constexpr const char *Balancing = QT_TRANSLATE_NOOP("Catalogue", "Balancing");
inline constexpr const char *HealthChecks = QT_TRANSLATE_NOOP("Catalogue", "Health checks");
inline constexpr const char *Security = QT_TRANSLATE_NOOP("Catalogue", "Security");
inline constexpr const char *Caching = QT_TRANSLATE_NOOP("Catalogue", "Caching");
inline constexpr const char *Data = QT_TRANSLATE_NOOP("Catalogue", "Data");
inline constexpr const char *Upstreams = QT_TRANSLATE_NOOP("Catalogue", "Upstreams");
inline constexpr const char *Limits = QT_TRANSLATE_NOOP("Catalogue", "Limits");
inline constexpr const char *Timeouts = QT_TRANSLATE_NOOP("Catalogue", "Timeouts");
inline constexpr const char *Logging = QT_TRANSLATE_NOOP("Catalogue", "Logging");
} // namespace group

// A key's label and group, for present().
struct Presentation
{
    const char *key;
    const char *label; // QT_TRANSLATE_NOOP("Catalogue", …) at the call site
    const char *group; // one of schema::group
};

// Gives the declared `keys` their labels and groups (ConfigKey::label, ::group). Every key
// named must be declared (asserted); tst_settings checks that every key of every kind has both.
void present(QList<ConfigKey> &keys, std::initializer_list<Presentation> presentation);

// `key`, marked as taken by a running node without a restart (ConfigKey::live).
ConfigKey live(ConfigKey key);

// `port`, shared by every listening kind (DESIGN.md: 0 picks a free port).
ConfigKey portKey();

// What every HTTP listener offers, modelled on nginx's client-side limits: header, body,
// keep-alive and send timeouts, body size and connection caps, the access log.
QList<ConfigKey> httpListenerKeys();

// What every kind that forwards HTTP requests offers: connect and response timeouts and
// idle upstream connections. Defaults differ per product (nginx, HAProxy, Kong).
QList<ConfigKey> upstreamKeys(qint64 connectTimeoutMs, qint64 responseTimeoutMs);

// The kinds that speak HTTP on their listening port.
QStringList httpKinds();

} // namespace infralab::schema

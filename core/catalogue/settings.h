#pragma once

#include "catalogue/choices.h"
#include "catalogue/configkey.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace infralab {

// A node's (or a link's) configuration read through its kind's declaration in the catalogue:
// every read names a declared key and gets the file's value when it has the declared type,
// or the declared default when the file leaves the key out or sets something else. Numbers are
// kept within the declared range. A kind's typed parse (`fromJson`) reads its settings only
// through this, so a default, a range or an enum's value list is written once, in the catalogue
// entry, and never again as a literal fallback.
//
// Reading a key the kind does not declare is a programming error: it asserts in debug builds
// and logs a critical message (once per key) otherwise, and the read yields a null value.
// tst_settings parses every kind with a handler that fails on that message.
class Settings
{
public:
    // The settings of a node of `kind` (the kind must be in the catalogue).
    static Settings ofNode(QStringView kind, const QJsonObject &config);
    // The settings of a link going out of a node of `callerKind` (its linkConfig keys).
    static Settings ofLink(QStringView callerKind, const QJsonObject &config);

    Settings(const QList<ConfigKey> &declared, QString owner, const QJsonObject &config);

    // True when the file sets `key` (to anything).
    bool isSet(const char *key) const;
    // The file's value when it has the declared type (a number kept within the declared
    // range), else the declared default.
    QJsonValue value(const char *key) const;

    int integer(const char *key) const;
    qint64 int64(const char *key) const;
    double number(const char *key) const;
    bool boolean(const char *key) const;
    QString string(const char *key) const;
    QByteArray utf8(const char *key) const;
    QStringList strings(const char *key) const; // the list's strings; other entries skipped
    QJsonArray array(const char *key) const;

    // An Enum key's typed value; the declared default when the file's name is not a choice.
    template<typename E, std::size_t N>
    E choice(const char *key, const Choices<E, N> &choices) const
    {
        if (auto chosen = choiceFromName(choices, value(key).toString()))
            return *chosen;
        return choiceFromName(choices, declaredDefault(key).toString()).value_or(choices[0].value);
    }

private:
    const ConfigKey *declaration(const char *key) const;
    QJsonValue declaredDefault(const char *key) const;

    const QList<ConfigKey> *m_declared = nullptr;
    QString m_owner;
    QJsonObject m_config;
};

} // namespace infralab

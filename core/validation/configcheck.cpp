#include "validation/configcheck.h"

#include "validation/problemtext.h"

#include <QJsonArray>

#include <cmath>

namespace infralab {

using namespace problemtext;

namespace {

// Bounds of a traffic-generator request's `weight` (ValueType::RequestList).
constexpr double MaxRequestWeight = 1000000;

// Adds an error and returns false when `value` is not an integral number within min..max.
bool checkInteger(const QJsonValue &value, double minimum, double maximum, const QString &path,
                  Problems &problems)
{
    const double d = value.toDouble();
    if (!value.isDouble() || !std::isfinite(d) || std::trunc(d) != d) {
        problems.append(Problem::error(path, expected(QStringLiteral("an integer"), value)));
        return false;
    }
    if (d < minimum || d > maximum) {
        problems.append(Problem::error(path, describe(value) + QStringLiteral(" is outside ")
                                                 + number(minimum) + QStringLiteral("..")
                                                 + number(maximum)));
        return false;
    }
    return true;
}

bool checkString(const QJsonValue &value, const QString &path, Problems &problems)
{
    if (value.isString())
        return true;
    problems.append(Problem::error(path, expected(QStringLiteral("a string"), value)));
    return false;
}

// RFC 9110 section 5.6.2: a method is a token.
bool isToken(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool alnum
            = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9');
        if (!alnum && !QStringView(u"!#$%&'*+-.^_`|~").contains(c))
            return false;
    }
    return true;
}

bool hasSpaceOrControl(QStringView text)
{
    for (const QChar c : text) {
        if (c.unicode() <= 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

// One traffic-generator request: {method, path, weight, body}. Returns its weight, or -1 when
// the request is invalid.
double checkRequest(const QJsonValue &value, const QString &path, Problems &problems)
{
    if (!value.isObject()) {
        problems.append(Problem::error(
            path, expected(QStringLiteral("a request object {\"method\", \"path\", \"weight\", "
                                          "\"body\"}"),
                           value)));
        return -1;
    }
    const QJsonObject request = value.toObject();
    bool ok = true;
    const QString methodKey = QStringLiteral("method");
    const QString pathKey = QStringLiteral("path");
    const QString weightKey = QStringLiteral("weight");
    const QString bodyKey = QStringLiteral("body");

    const QString methodPath = keyPath(path, methodKey);
    if (!request.contains(methodKey)) {
        problems.append(
            Problem::error(methodPath, QStringLiteral("missing (a request needs a method such "
                                                      "as GET)")));
        ok = false;
    } else if (!checkString(request.value(methodKey), methodPath, problems)) {
        ok = false;
    } else if (const QString method = request.value(methodKey).toString(); !isToken(method)) {
        problems.append(Problem::error(methodPath, quoted(method)
                                                       + QStringLiteral(" is not an HTTP method "
                                                                        "(such as GET or POST)")));
        ok = false;
    }

    const QString pathPath = keyPath(path, pathKey);
    if (!request.contains(pathKey)) {
        problems.append(
            Problem::error(pathPath, QStringLiteral("missing (a request needs a path such as /)")));
        ok = false;
    } else if (!checkString(request.value(pathKey), pathPath, problems)) {
        ok = false;
    } else if (const QString target = request.value(pathKey).toString();
               !target.startsWith(QLatin1Char('/'))) {
        problems.append(
            Problem::error(pathPath, quoted(target) + QStringLiteral(" does not start with /")));
        ok = false;
    } else if (hasSpaceOrControl(target)) {
        problems.append(
            Problem::error(pathPath, quoted(target)
                                         + QStringLiteral(" contains a space or control character "
                                                          "(encode it as %20)")));
        ok = false;
    }

    double weight = -1;
    const QString weightPath = keyPath(path, weightKey);
    if (!request.contains(weightKey)) {
        problems.append(Problem::error(
            weightPath, QStringLiteral("missing (a request needs a weight, 0 or more)")));
        ok = false;
    } else if (!checkInteger(request.value(weightKey), 0, MaxRequestWeight, weightPath, problems)) {
        ok = false;
    } else {
        weight = request.value(weightKey).toDouble();
    }

    if (request.contains(bodyKey)
        && !checkString(request.value(bodyKey), keyPath(path, bodyKey), problems)) {
        ok = false;
    }

    for (auto it = request.begin(); it != request.end(); ++it) {
        if (it.key() != methodKey && it.key() != pathKey && it.key() != weightKey
            && it.key() != bodyKey) {
            problems.append(Problem::warning(keyPath(path, it.key()), unknownKey(it.key())));
        }
    }
    return ok ? weight : -1;
}

void checkRequestList(const QJsonValue &value, const QString &path, Problems &problems)
{
    if (!value.isArray()) {
        problems.append(
            Problem::error(path, expected(QStringLiteral("a list of requests"), value)));
        return;
    }
    const QJsonArray requests = value.toArray();
    if (requests.isEmpty()) {
        problems.append(
            Problem::error(path, QStringLiteral("the list is empty, so no request would be sent")));
        return;
    }
    bool allValid = true;
    double total = 0;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        const double weight = checkRequest(requests.at(i), indexPath(path, i), problems);
        allValid = allValid && weight >= 0;
        total += std::max(weight, 0.0);
    }
    if (allValid && total == 0) {
        problems.append(Problem::error(
            path, QStringLiteral("every request has weight 0, so no request would be sent")));
    }
}

} // namespace

void checkConfigValue(const ConfigKey &key, const QJsonValue &value, const QString &path,
                      Problems &problems)
{
    switch (key.type) {
    case ValueType::Bool:
        if (!value.isBool())
            problems.append(Problem::error(path, expected(QStringLiteral("true or false"), value)));
        break;
    case ValueType::Int: checkInteger(value, key.minimum, key.maximum, path, problems); break;
    case ValueType::Double:
        if (!value.isDouble()) {
            problems.append(Problem::error(path, expected(QStringLiteral("a number"), value)));
        } else if (const double d = value.toDouble(); d < key.minimum || d > key.maximum) {
            problems.append(Problem::error(path, describe(value) + QStringLiteral(" is outside ")
                                                     + number(key.minimum) + QStringLiteral("..")
                                                     + number(key.maximum)));
        }
        break;
    case ValueType::String:
    case ValueType::Path: checkString(value, path, problems); break;
    case ValueType::Enum:
        if (!value.isString()) {
            problems.append(Problem::error(
                path, expected(QStringLiteral("one of ") + list(key.enumValues), value)));
        } else if (!key.enumValues.contains(value.toString())) {
            problems.append(Problem::error(path, quoted(value.toString())
                                                     + QStringLiteral(" is not one of ")
                                                     + list(key.enumValues)));
        }
        break;
    case ValueType::StringList:
        if (!value.isArray()) {
            problems.append(
                Problem::error(path, expected(QStringLiteral("a list of strings"), value)));
            break;
        }
        for (qsizetype i = 0; i < value.toArray().size(); ++i)
            checkString(value.toArray().at(i), indexPath(path, i), problems);
        break;
    case ValueType::RequestList: checkRequestList(value, path, problems); break;
    }
}

void checkConfig(const QList<ConfigKey> &schema, const QJsonObject &config, const QString &path,
                 Problems &problems)
{
    // Known keys in schema order (the order the inspector and the canonical file use), then
    // unknown keys sorted (QJsonObject keeps its keys sorted).
    for (const ConfigKey &key : schema) {
        const auto it = config.constFind(key.key);
        if (it != config.constEnd())
            checkConfigValue(key, it.value(), keyPath(path, key.key), problems);
    }
    for (auto it = config.begin(); it != config.end(); ++it) {
        const bool known = std::any_of(schema.cbegin(), schema.cend(),
                                       [&](const ConfigKey &k) { return k.key == it.key(); });
        if (!known)
            problems.append(Problem::warning(keyPath(path, it.key()), unknownKey(it.key())));
    }
}

} // namespace infralab

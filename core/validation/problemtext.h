#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace infralab::problemtext {

// The wording shared by the topology reader and the validator, so every message reads the
// same way: JSON paths such as `nodes[2].config.port` and values shown as JSON (`"80"`, `1.5`,
// `true`, `null`, `an array`, `an object`).

// `base.key`, or `base["odd key"]` when the key is not a plain identifier.
QString keyPath(const QString &base, QStringView key);
// `base[index]`.
QString indexPath(const QString &base, qsizetype index);
// Whether `path` is `prefix` itself or lies inside it (`nodes[1]` covers `nodes[1].id`).
bool pathCovers(QStringView prefix, QStringView path);

// `"text"` with JSON escapes; long texts are shortened with "...".
QString quoted(QStringView text);
// A JSON number as written in files: `80`, `1.5`, `1e+20`.
QString number(double value);
// A value as shown in messages: `"80"`, `1.5`, `true`, `null`, `an array`, `an object`.
QString describe(const QJsonValue &value);
// `expected WHAT, got VALUE`.
QString expected(const QString &what, const QJsonValue &got);
// `unknown key "colour" (kept)`.
QString unknownKey(QStringView key);
// `a, b, c`.
QString list(const QStringList &items);
// `a web-server`, `an app-server`.
QString withArticle(const QString &noun);

} // namespace infralab::problemtext

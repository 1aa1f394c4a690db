#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace infralab {

// The value types a configuration key can hold. The inspector picks its editor from this, the
// validator its checks, the docs their "type" column.
enum class ValueType {
    Bool,
    Int,    // integral number within [minimum, maximum]
    Double, // number within [minimum, maximum]
    String,
    Enum,       // one of enumValues
    Path,       // a file or folder; relative paths resolve against the topology file's folder
    StringList, // JSON array of strings
    RequestList // traffic-generator requests: array of {method, path, weight, body}
};

QString valueTypeName(ValueType type);

// One key of a kind's (or a link's) configuration schema. Texts are untranslated source
// strings (QT_TRANSLATE_NOOP context "Catalogue"); widgets translate them when shown.
struct ConfigKey
{
    QString key;
    ValueType type = ValueType::String;
    QJsonValue defaultValue;
    double minimum = 0;
    double maximum = 0;
    QStringList enumValues;
    QString help;
    // How the inspector names the key ("Duration"; it adds the unit: "Duration (s)") and the
    // group it shows it under ("Timeouts"), source strings like help; set by schema::present.
    QString label;
    QString group;
    QString unit; // "ms", "s", "bytes", … shown next to editors and in the docs
    // A running node takes a change of this key without a restart (Component::applyConfig);
    // changing any other key restarts the node.
    bool live = false;

    bool hasRange() const { return type == ValueType::Int || type == ValueType::Double; }
};

} // namespace infralab

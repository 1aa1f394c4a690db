#include "inspector/valueeditor.h"

#include "document/commands/commandids.h"
#include "inspector/listeditor.h"
#include "inspector/patheditor.h"
#include "inspector/scalareditors.h"

#include <QPalette>

namespace infralab {

ValueEditor::ValueEditor(const ConfigKey &key, QWidget *parent)
    : QWidget(parent)
    , m_key(key)
{}

ValueEditor *ValueEditor::create(const ConfigKey &key, const QString &baseFolder, QWidget *parent)
{
    switch (key.type) {
    case ValueType::Bool: return new BoolEditor(key, parent);
    case ValueType::Int:
    case ValueType::Double: return new NumberEditor(key, parent);
    case ValueType::Enum: return new EnumEditor(key, parent);
    case ValueType::String: return new TextEditor(key, parent);
    case ValueType::Path: return new PathEditor(key, baseFolder, parent);
    case ValueType::StringList:
    case ValueType::RequestList: return new ListEditor(key, parent);
    }
    return new TextEditor(key, parent);
}

void ValueEditor::showValue(const QJsonValue &value)
{
    if (!m_mixed && this->value() == value)
        return;
    m_updating = true;
    m_mixed = false;
    display(value);
    m_updating = false;
    endSession();
}

void ValueEditor::showMixed()
{
    if (m_mixed)
        return;
    m_updating = true;
    m_mixed = true;
    displayMixed();
    m_updating = false;
    endSession();
}

void ValueEditor::setFlagged(bool flagged)
{
    if (m_flagged == flagged)
        return;
    m_flagged = flagged;
    QWidget *widget = textWidget();
    QPalette palette = widget->palette();
    palette.setColor(QPalette::Text,
                     flagged ? problemColor(palette) : this->palette().color(QPalette::Text));
    widget->setPalette(palette);
}

QColor ValueEditor::problemColor(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
}

void ValueEditor::report(const QJsonValue &value, bool continuous)
{
    if (m_updating)
        return;
    m_mixed = false;
    int session = 0;
    if (continuous) {
        if (m_session == 0)
            m_session = nextEditSession();
        session = m_session;
    }
    emit edited(value, session);
}

} // namespace infralab

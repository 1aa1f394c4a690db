#include "inspector/scalareditors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLineEdit>

#include <algorithm>
#include <cmath>

namespace infralab {

namespace {

// Wide enough for any key, exact for integers (doubles hold them up to 2^53).
constexpr double TypingLimit = 1e15;
// Editors may shrink to this so the dock stays narrow; longer contents scroll inside them.
constexpr int MaxMinimumWidth = 110;

QString mixedText()
{
    return QCoreApplication::translate("ValueEditor", "Mixed values");
}

void wrap(QWidget *editor, QWidget *inner, bool stretch = true)
{
    auto *layout = new QHBoxLayout(editor);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(inner, stretch ? 1 : 0);
    if (!stretch)
        layout->addStretch(1); // a check box is only as wide as its box, where clicks count
    editor->setFocusProxy(inner);
}

// A spin box whose typing range is wider than its stepping range, so an out-of-range value
// reaches the validator (and its message) instead of being silently clamped; whole numbers
// and short decimals are shown without trailing zeros.
class SchemaSpinBox final : public QDoubleSpinBox
{
public:
    SchemaSpinBox(double minimum, double maximum, QWidget *parent)
        : QDoubleSpinBox(parent)
        , m_minimum(minimum)
        , m_maximum(maximum)
    {
        setRange(-TypingLimit, TypingLimit);
    }

    void stepBy(int steps) override
    {
        const double target = std::clamp(value() + steps * singleStep(), m_minimum, m_maximum);
        setValue(target);
        selectAll();
    }

    void clearForMixed()
    {
        lineEdit()->clear();
        lineEdit()->setPlaceholderText(mixedText());
    }

    void showNumber(double value)
    {
        lineEdit()->setPlaceholderText(QString());
        setValue(value);
        // setValue() leaves the text alone when the value is unchanged, also a text cleared
        // for "mixed".
        lineEdit()->setText(textFromValue(value) + suffix());
    }

    QString textFromValue(double value) const override
    {
        QLocale numbers = locale();
        numbers.setNumberOptions(numbers.numberOptions() | QLocale::OmitGroupSeparator);
        QString text = numbers.toString(value, 'f', decimals());
        if (decimals() > 0 && text.contains(numbers.decimalPoint())) {
            while (text.endsWith(QLatin1Char('0')))
                text.chop(1);
            if (text.endsWith(numbers.decimalPoint()))
                text.chop(numbers.decimalPoint().size());
        }
        return text;
    }

protected:
    StepEnabled stepEnabled() const override
    {
        StepEnabled enabled = StepNone;
        if (value() < m_maximum)
            enabled |= StepUpEnabled;
        if (value() > m_minimum)
            enabled |= StepDownEnabled;
        return enabled;
    }

private:
    double m_minimum;
    double m_maximum;
};

// A check box that leaves the partial ("mixed") state on the first click.
class MixedCheckBox final : public QCheckBox
{
public:
    using QCheckBox::QCheckBox;

protected:
    void nextCheckState() override
    {
        const Qt::CheckState next = checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked;
        setTristate(false);
        setCheckState(next);
    }
};

} // namespace

NumberEditor::NumberEditor(const ConfigKey &key, QWidget *parent)
    : ValueEditor(key, parent)
    , m_spin(new SchemaSpinBox(key.minimum, key.maximum, this))
{
    wrap(this, m_spin);
    const bool integral = key.type == ValueType::Int;
    m_spin->setDecimals(integral ? 0 : 4);
    m_spin->setSingleStep(integral || key.maximum - key.minimum > 10 ? 1 : 0.01);
    if (!key.unit.isEmpty())
        m_spin->setSuffix(QLatin1Char(' ') + key.unit);
    // The typing range is huge; the width follows the key's own range instead.
    const QString widest
        = m_spin->textFromValue(std::max(std::abs(key.minimum), key.maximum)) + m_spin->suffix();
    m_spin->setMinimumWidth(
        std::min(m_spin->fontMetrics().horizontalAdvance(widest) + 40, MaxMinimumWidth));
    m_spin->setAccelerated(true);
    // Typed numbers apply on Enter or when the field is left, not per keystroke: typing 8080
    // must not set the port to 8, 80 and 808 on its way (the running lab applies settings
    // live). Arrow steps apply at once and merge until the field is left.
    m_spin->setKeyboardTracking(false);
    display(key.defaultValue);
    connect(m_spin, &QDoubleSpinBox::valueChanged, this,
            [this](double value) { report(QJsonValue(value), true); });
    connect(m_spin, &QDoubleSpinBox::editingFinished, this, [this] { endSession(); });
}

QJsonValue NumberEditor::value() const
{
    return QJsonValue(m_spin->value());
}

void NumberEditor::display(const QJsonValue &value)
{
    static_cast<SchemaSpinBox *>(m_spin)->showNumber(value.toDouble());
}

void NumberEditor::displayMixed()
{
    static_cast<SchemaSpinBox *>(m_spin)->clearForMixed();
}

QWidget *NumberEditor::textWidget()
{
    return m_spin;
}

BoolEditor::BoolEditor(const ConfigKey &key, QWidget *parent)
    : ValueEditor(key, parent)
    , m_check(new MixedCheckBox(this))
{
    wrap(this, m_check, false);
    display(key.defaultValue);
    connect(m_check, &QCheckBox::clicked, this,
            [this](bool checked) { report(QJsonValue(checked), false); });
}

QJsonValue BoolEditor::value() const
{
    return QJsonValue(m_check->checkState() == Qt::Checked);
}

void BoolEditor::display(const QJsonValue &value)
{
    m_check->setTristate(false);
    m_check->setChecked(value.toBool());
}

void BoolEditor::displayMixed()
{
    m_check->setTristate(true);
    m_check->setCheckState(Qt::PartiallyChecked);
}

QWidget *BoolEditor::textWidget()
{
    return m_check;
}

EnumEditor::EnumEditor(const ConfigKey &key, QWidget *parent)
    : ValueEditor(key, parent)
    , m_combo(new QComboBox(this))
{
    wrap(this, m_combo);
    m_combo->addItems(key.enumValues);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(8);
    m_combo->setPlaceholderText(mixedText());
    display(key.defaultValue);
    connect(m_combo, &QComboBox::activated, this,
            [this](int index) { report(QJsonValue(m_combo->itemText(index)), false); });
}

QJsonValue EnumEditor::value() const
{
    return m_combo->currentIndex() < 0 ? QJsonValue() : QJsonValue(m_combo->currentText());
}

void EnumEditor::display(const QJsonValue &value)
{
    m_combo->setCurrentIndex(m_combo->findText(value.toString()));
}

void EnumEditor::displayMixed()
{
    m_combo->setCurrentIndex(-1);
}

QWidget *EnumEditor::textWidget()
{
    return m_combo;
}

QLineEdit *makeTextLine(const ConfigKey &key, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    const QString fallback = key.defaultValue.toString();
    edit->setPlaceholderText(
        fallback.isEmpty()
            ? QCoreApplication::translate("ValueEditor", "empty")
            : QCoreApplication::translate("ValueEditor", "default: %1").arg(fallback));
    edit->setClearButtonEnabled(false);
    return edit;
}

TextEditor::TextEditor(const ConfigKey &key, QWidget *parent)
    : ValueEditor(key, parent)
    , m_edit(makeTextLine(key, this))
{
    wrap(this, m_edit);
    m_placeholder = m_edit->placeholderText();
    display(key.defaultValue);
    connect(m_edit, &QLineEdit::textEdited, this,
            [this](const QString &text) { report(QJsonValue(text), true); });
    connect(m_edit, &QLineEdit::editingFinished, this, [this] { endSession(); });
}

QJsonValue TextEditor::value() const
{
    return QJsonValue(m_edit->text());
}

void TextEditor::display(const QJsonValue &value)
{
    m_edit->setPlaceholderText(m_placeholder);
    m_edit->setText(value.toString());
}

void TextEditor::displayMixed()
{
    m_edit->clear();
    m_edit->setPlaceholderText(mixedText());
}

QWidget *TextEditor::textWidget()
{
    return m_edit;
}

} // namespace infralab

#pragma once

#include "inspector/valueeditor.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;

namespace infralab {

// The editors of single values. Each wraps one Qt widget (focus proxy), shows "mixed" its own
// way and reports user edits only: programmatic updates are filtered by ValueEditor.

// Int and Double keys: a spin box with the unit as suffix. Typing may go outside the key's
// range (the form shows the validator's message); the arrows stay inside it.
class NumberEditor final : public ValueEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NumberEditor)

public:
    NumberEditor(const ConfigKey &key, QWidget *parent = nullptr);
    QJsonValue value() const override;
    QDoubleSpinBox *spinBox() const { return m_spin; }

protected:
    void display(const QJsonValue &value) override;
    void displayMixed() override;
    QWidget *textWidget() override;

private:
    QDoubleSpinBox *m_spin;
};

// Bool keys: a check box, partially checked while mixed; a click then checks it.
class BoolEditor final : public ValueEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BoolEditor)

public:
    BoolEditor(const ConfigKey &key, QWidget *parent = nullptr);
    QJsonValue value() const override;
    QCheckBox *checkBox() const { return m_check; }

protected:
    void display(const QJsonValue &value) override;
    void displayMixed() override;
    QWidget *textWidget() override;

private:
    QCheckBox *m_check;
};

// Enum keys: a combo box of the allowed values, empty with a "mixed" placeholder while mixed.
class EnumEditor final : public ValueEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnumEditor)

public:
    EnumEditor(const ConfigKey &key, QWidget *parent = nullptr);
    QJsonValue value() const override;
    QComboBox *comboBox() const { return m_combo; }

protected:
    void display(const QJsonValue &value) override;
    void displayMixed() override;
    QWidget *textWidget() override;

private:
    QComboBox *m_combo;
};

// String keys: a line edit; every keystroke is reported, one session per stretch of typing.
class TextEditor final : public ValueEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TextEditor)

public:
    TextEditor(const ConfigKey &key, QWidget *parent = nullptr);
    QJsonValue value() const override;
    QLineEdit *lineEdit() const { return m_edit; }

protected:
    void display(const QJsonValue &value) override;
    void displayMixed() override;
    QWidget *textWidget() override;

private:
    QLineEdit *m_edit;
    QString m_placeholder;
};

// The line edit of text and path editors: placeholder from the default, one session per
// stretch of typing (ends when editing finishes).
QLineEdit *makeTextLine(const ConfigKey &key, QWidget *parent);

} // namespace infralab

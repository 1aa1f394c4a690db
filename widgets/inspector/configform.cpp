#include "inspector/configform.h"

#include "inspector/valueeditor.h"
#include "validation/configcheck.h"

#include <QCoreApplication>
#include <QEvent>
#include <QGridLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLabel>
#include <QToolButton>

namespace infralab {

QString catalogueText(const QString &source)
{
    return QCoreApplication::translate("Catalogue", source.toUtf8().constData());
}

QString valueText(const QJsonValue &value)
{
    if (value.isString()) {
        return value.toString().isEmpty() ? QCoreApplication::translate("ConfigForm", "empty")
                                          : value.toString();
    }
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    return QString();
}

ConfigForm::ConfigForm(const QList<ConfigKey> &schema, const QString &baseFolder, QWidget *parent)
    : QWidget(parent)
    , m_layout(new QGridLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setHorizontalSpacing(6);
    m_layout->setVerticalSpacing(3);
    m_layout->setColumnStretch(1, 1);
    m_rows.reserve(schema.size());
    // Keys under their groups, the groups in the order they first appear in the declaration
    // (a kind's own keys come before the shared listener keys); keys without a group first.
    QStringList groups;
    for (const ConfigKey &key : schema) {
        if (!groups.contains(key.group))
            groups.append(key.group);
    }
    if (groups.removeAll(QString()) > 0)
        groups.prepend(QString());
    for (const QString &group : std::as_const(groups)) {
        if (!group.isEmpty())
            addGroupHeader(group);
        for (const ConfigKey &key : schema) {
            if (key.group == group)
                addRow(key, baseFolder);
        }
    }
}

QString ConfigForm::labelText(const ConfigKey &key)
{
    const QString label = key.label.isEmpty() ? key.key : catalogueText(key.label);
    return key.unit.isEmpty() ? label : tr("%1 (%2)", "label (unit)").arg(label, key.unit);
}

void ConfigForm::addGroupHeader(const QString &group)
{
    auto *header = new QLabel(catalogueText(group), this);
    header->setObjectName(QStringLiteral("configGroup"));
    QFont font = header->font();
    font.setBold(true);
    header->setFont(font);
    QPalette palette = header->palette();
    QColor color = palette.color(QPalette::WindowText);
    color.setAlphaF(0.7f);
    palette.setColor(QPalette::WindowText, color);
    header->setPalette(palette);
    // Air above every group but the first, so the groups read as blocks.
    header->setContentsMargins(0, m_groups.isEmpty() ? 0 : 8, 0, 1);
    m_layout->addWidget(header, m_nextGridRow++, 0, 1, 3);
    m_groups.append({group, header});
}

void ConfigForm::addRow(const ConfigKey &key, const QString &baseFolder)
{
    const qsizetype index = m_rows.size();
    Row row;
    row.key = key;
    row.label = new QLabel(labelText(key), this);
    const QString unit = key.unit.isEmpty() ? QString() : QLatin1Char(' ') + key.unit;
    // The label is the catalogue's human name; the tooltip names the key as the file has it.
    const QString tooltip
        = QStringLiteral("<p><b>%1</b> — <code>%2</code></p><p>%3</p><p>%4</p>")
              .arg(row.label->text().toHtmlEscaped(), key.key.toHtmlEscaped(),
                   catalogueText(key.help).toHtmlEscaped(),
                   tr("Default: %1").arg(valueText(key.defaultValue) + unit).toHtmlEscaped());
    row.label->setToolTip(tooltip);
    row.editor = ValueEditor::create(key, baseFolder, this);
    row.editor->setToolTip(tooltip);
    row.label->setBuddy(row.editor);
    row.reset = new QToolButton(this);
    row.reset->setText(QStringLiteral("↺"));
    row.reset->setAutoRaise(true);
    row.reset->setEnabled(false);
    row.reset->setFocusPolicy(Qt::TabFocus);
    row.reset->setToolTip(tr("Reset to the default (%1)").arg(valueText(key.defaultValue) + unit));
    row.reset->setAccessibleName(tr("Reset %1").arg(row.label->text()));
    row.problem = new QLabel(this);
    row.problem->setWordWrap(true);
    row.problem->setTextFormat(Qt::PlainText);
    row.problem->hide();
    QPalette palette = row.problem->palette();
    palette.setColor(QPalette::WindowText, ValueEditor::problemColor(palette));
    row.problem->setPalette(palette);

    // Lists get the whole width under their label; other editors sit beside theirs.
    const bool wide = key.type == ValueType::StringList || key.type == ValueType::RequestList;
    const int gridRow = m_nextGridRow;
    m_nextGridRow += 3;
    QSizePolicy keepSpace = row.reset->sizePolicy();
    keepSpace.setRetainSizeWhenHidden(true); // columns do not jump when a key is reset
    row.reset->setSizePolicy(keepSpace);
    row.reset->hide();
    m_layout->addWidget(row.label, gridRow, 0);
    if (wide)
        m_layout->addWidget(row.editor, gridRow + 1, 0, 1, 2);
    else
        m_layout->addWidget(row.editor, gridRow, 1);
    m_layout->addWidget(row.reset, gridRow, 2);
    m_layout->addWidget(row.problem, gridRow + 2, wide ? 0 : 1, 1, wide ? 3 : 2);

    connect(row.editor, &ValueEditor::edited, this,
            [this, index](const QJsonValue &value, int session) {
                onEdited(m_rows[index], value, session);
            });
    connect(row.reset, &QToolButton::clicked, this, [this, index] {
        Row &r = m_rows[index];
        r.refusal.clear();
        r.editor->setFlagged(false);
        updateProblem(r);
        emit valueEdited(r.key.key, std::nullopt, 0);
    });
    row.editor->installEventFilter(this);
    for (QWidget *child : row.editor->findChildren<QWidget *>())
        child->installEventFilter(this);
    row.editor->setProperty("configKey", key.key);
    m_rows.append(row);
}

bool ConfigForm::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        // Keys that edit text or rows belong to the focused editor, not to the window's canvas
        // shortcuts: Delete in a combo box or the request table must not delete the node.
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Delete) || key->key() == Qt::Key_Backspace
            || key->key() == Qt::Key_F2 || key->matches(QKeySequence::SelectAll)
            || key->matches(QKeySequence::Copy) || key->matches(QKeySequence::Cut)
            || key->matches(QKeySequence::Paste)
            || key->keyCombination() == QKeyCombination(Qt::ControlModifier, Qt::Key_D))
            event->accept();
    }
    if (event->type() == QEvent::FocusIn) {
        for (QObject *o = watched; o && o != this; o = o->parent()) {
            if (const Row *row = find(o->property("configKey").toString())) {
                emit helpChanged(catalogueText(row->key.help));
                break;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ConfigForm::setValues(const QList<QJsonObject> &configs,
                           const QHash<QString, QString> &problems)
{
    for (Row &row : m_rows) {
        std::optional<QJsonValue> shown;
        bool set = false;
        bool first = true;
        bool mixed = false;
        for (const QJsonObject &config : configs) {
            const auto it = config.constFind(row.key.key);
            const QJsonValue value = it != config.constEnd() ? it.value() : row.key.defaultValue;
            set = set || it != config.constEnd();
            if (first)
                shown = value;
            else if (shown != value)
                mixed = true;
            first = false;
        }
        if (mixed)
            shown.reset();
        // A refused edit stays on display until the model's value changes under it.
        if (row.refusal.isEmpty() || shown != row.shown) {
            row.refusal.clear();
            row.editor->setFlagged(false);
            if (shown)
                row.editor->showValue(*shown);
            else
                row.editor->showMixed();
        }
        row.shown = shown;
        row.set = set;
        QFont font = row.label->font();
        font.setBold(set);
        row.label->setFont(font);
        row.reset->setEnabled(set);
        row.reset->setVisible(set);
        row.modelProblem = problems.value(row.key.key);
        updateProblem(row);
    }
}

void ConfigForm::onEdited(Row &row, const QJsonValue &value, int session)
{
    Problems found;
    checkConfigValue(row.key, value, row.key.key, found);
    const auto error
        = std::find_if(found.cbegin(), found.cend(), [](const Problem &p) { return p.isError(); });
    if (error != found.cend()) {
        row.refusal = error->path == row.key.key ? error->message : error->toString();
        row.editor->setFlagged(true);
        updateProblem(row);
        return;
    }
    row.refusal.clear();
    row.editor->setFlagged(false);
    updateProblem(row);
    const QString key = row.key.key; // the form may be rebuilt while the edit is applied
    emit valueEdited(key, value, session);
}

void ConfigForm::updateProblem(Row &row)
{
    const QString text
        = row.refusal.isEmpty() ? row.modelProblem : tr("%1 (not applied)").arg(row.refusal);
    row.problem->setText(text);
    row.problem->setVisible(!text.isEmpty());
}

ConfigForm::Row *ConfigForm::find(const QString &key)
{
    for (Row &row : m_rows) {
        if (row.key.key == key)
            return &row;
    }
    return nullptr;
}

const ConfigForm::Row *ConfigForm::find(const QString &key) const
{
    for (const Row &row : m_rows) {
        if (row.key.key == key)
            return &row;
    }
    return nullptr;
}

ValueEditor *ConfigForm::editor(const QString &key) const
{
    const Row *row = find(key);
    return row ? row->editor : nullptr;
}

QLabel *ConfigForm::label(const QString &key) const
{
    const Row *row = find(key);
    return row ? row->label : nullptr;
}

QToolButton *ConfigForm::resetButton(const QString &key) const
{
    const Row *row = find(key);
    return row ? row->reset : nullptr;
}

QLabel *ConfigForm::problemLabel(const QString &key) const
{
    const Row *row = find(key);
    return row ? row->problem : nullptr;
}

QStringList ConfigForm::keys() const
{
    QStringList keys;
    for (const Row &row : m_rows)
        keys.append(row.key.key);
    return keys;
}

QStringList ConfigForm::groups() const
{
    QStringList titles;
    for (const auto &group : m_groups)
        titles.append(group.second->text());
    return titles;
}

QStringList ConfigForm::keysInGroup(const QString &group) const
{
    QStringList keys;
    for (const Row &row : m_rows) {
        if (catalogueText(row.key.group) == group)
            keys.append(row.key.key);
    }
    return keys;
}

bool ConfigForm::isSet(const QString &key) const
{
    const Row *row = find(key);
    return row && row->set;
}

} // namespace infralab

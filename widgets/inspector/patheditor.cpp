#include "inspector/patheditor.h"

#include "inspector/scalareditors.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>

namespace infralab {

PathEditor::PathEditor(const ConfigKey &key, const QString &baseFolder, QWidget *parent)
    : ValueEditor(key, parent)
    , m_baseFolder(baseFolder)
    , m_edit(makeTextLine(key, this))
    , m_browse(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_browse);
    setFocusProxy(m_edit);
    m_placeholder = m_edit->placeholderText();

    m_browse->setText(QStringLiteral("…"));
    m_browse->setToolTip(tr("Choose a folder or a file"));
    m_browse->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_browse);
    menu->addAction(tr("Choose &Folder…"), this, [this] { choose(true); });
    menu->addAction(tr("Choose F&ile…"), this, [this] { choose(false); });
    m_browse->setMenu(menu);

    display(key.defaultValue);
    connect(m_edit, &QLineEdit::textEdited, this,
            [this](const QString &text) { report(QJsonValue(text), true); });
    connect(m_edit, &QLineEdit::editingFinished, this, [this] { endSession(); });
}

QJsonValue PathEditor::value() const
{
    return QJsonValue(m_edit->text());
}

QFileDialog *PathEditor::choose(bool folder)
{
    QString start = m_edit->text();
    if (QFileInfo(start).isRelative() && !m_baseFolder.isEmpty())
        start = QDir(m_baseFolder).filePath(start);
    if (start.isEmpty() || !QFileInfo::exists(start))
        start = m_baseFolder.isEmpty() ? QDir::homePath() : m_baseFolder;

    auto *dialog = new QFileDialog(window(), folder ? tr("Choose Folder for %1").arg(key().key)
                                                    : tr("Choose File for %1").arg(key().key));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(folder ? QFileDialog::Directory : QFileDialog::AnyFile);
    if (folder)
        dialog->setOption(QFileDialog::ShowDirsOnly);
    if (QFileInfo(start).isDir())
        dialog->setDirectory(start);
    else
        dialog->selectFile(start);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        const QString stored = storedPath(path);
        m_edit->setText(stored);
        report(QJsonValue(stored), false);
    });
    dialog->open();
    return dialog;
}

QString PathEditor::storedPath(const QString &path) const
{
    const QString clean = QDir::cleanPath(path);
    if (m_baseFolder.isEmpty())
        return clean;
    const QString relative = QDir(m_baseFolder).relativeFilePath(clean);
    if (relative.startsWith(QStringLiteral("..")) || QFileInfo(relative).isAbsolute())
        return clean;
    return relative.isEmpty() ? QStringLiteral(".") : relative;
}

void PathEditor::display(const QJsonValue &value)
{
    m_edit->setPlaceholderText(m_placeholder);
    m_edit->setText(value.toString());
}

void PathEditor::displayMixed()
{
    m_edit->clear();
    m_edit->setPlaceholderText(QCoreApplication::translate("ValueEditor", "Mixed values"));
}

QWidget *PathEditor::textWidget()
{
    return m_edit;
}

} // namespace infralab

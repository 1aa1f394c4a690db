#include "mainwindow/recentfiles.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace infralab {

namespace {

QString settingsKey()
{
    return QString::fromLatin1(RecentFiles::SettingsKey);
}

QString absolute(const QString &fileName)
{
    return QDir::cleanPath(QFileInfo(fileName).absoluteFilePath());
}

} // namespace

RecentFiles::RecentFiles(QMenu *menu, QObject *parent)
    : QObject(parent)
    , m_menu(menu)
{
    connect(m_menu, &QMenu::aboutToShow, this, &RecentFiles::rebuildMenu);
    // Queued: a change often comes from one of the menu's own actions, which the rebuild deletes.
    connect(this, &RecentFiles::changed, this, &RecentFiles::rebuildMenu, Qt::QueuedConnection);
    rebuildMenu();
}

QStringList RecentFiles::files() const
{
    const QStringList stored = QSettings().value(settingsKey()).toStringList();
    QStringList existing;
    for (const QString &fileName : stored) {
        if (QFileInfo::exists(fileName) && !existing.contains(fileName))
            existing.append(fileName);
    }
    if (existing.size() > MaxFiles)
        existing.resize(MaxFiles);
    if (existing != stored)
        store(existing);
    return existing;
}

void RecentFiles::add(const QString &fileName)
{
    const QString path = absolute(fileName);
    QStringList list = files();
    list.removeAll(path);
    list.prepend(path);
    if (list.size() > MaxFiles)
        list.resize(MaxFiles);
    store(list);
    emit changed();
}

void RecentFiles::remove(const QString &fileName)
{
    QStringList list = files();
    if (list.removeAll(absolute(fileName)) == 0)
        return;
    store(list);
    emit changed();
}

void RecentFiles::clear()
{
    store({});
    emit changed();
}

void RecentFiles::store(const QStringList &files)
{
    QSettings settings;
    if (files.isEmpty())
        settings.remove(settingsKey());
    else
        settings.setValue(settingsKey(), files);
}

void RecentFiles::rebuildMenu()
{
    m_menu->clear();
    const QStringList list = files();
    if (list.isEmpty()) {
        m_menu->addAction(tr("No recent files"))->setEnabled(false);
    } else {
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString fileName = list.at(i);
            QString name = QFileInfo(fileName).fileName();
            name.replace(QLatin1Char('&'), QStringLiteral("&&"));
            // Mnemonics 1–9, then 0 for the tenth.
            const QString text = tr("&%1 %2").arg(QString::number((i + 1) % 10), name);
            QAction *action = m_menu->addAction(text);
            action->setToolTip(QDir::toNativeSeparators(fileName));
            action->setStatusTip(QDir::toNativeSeparators(fileName));
            connect(action, &QAction::triggered, this,
                    [this, fileName] { emit fileTriggered(fileName); });
        }
    }
    m_menu->addSeparator();
    QAction *clearAction = m_menu->addAction(tr("&Clear Recent Files"));
    clearAction->setEnabled(!list.isEmpty());
    connect(clearAction, &QAction::triggered, this, &RecentFiles::clear);
}

} // namespace infralab

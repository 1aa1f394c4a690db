#include "mainwindow/recentfiles.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

#include <algorithm>

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

// The folders above the file, innermost first: /home/a/b/lab.json -> b, a, home.
QStringList parentsOf(const QString &path)
{
    QStringList parts = QDir::fromNativeSeparators(path).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (!parts.isEmpty())
        parts.removeLast(); // the file name
    std::reverse(parts.begin(), parts.end());
    return parts;
}

// The last `count` folders of `parents` (innermost first), outermost first and joined;
// `rooted` prefixes the root when that is all of them.
QString suffix(const QStringList &parents, qsizetype count, bool rooted = false)
{
    QStringList picked = parents.mid(0, count);
    std::reverse(picked.begin(), picked.end());
    QString text = picked.join(QLatin1Char('/'));
    if (rooted && count >= parents.size())
        text.prepend(QLatin1Char('/'));
    return QDir::toNativeSeparators(text);
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

QStringList RecentFiles::labels(const QStringList &files)
{
    QStringList names;
    QList<QStringList> parents;
    for (const QString &file : files) {
        names.append(QFileInfo(file).fileName());
        parents.append(parentsOf(file));
    }
    QStringList labels;
    for (qsizetype i = 0; i < files.size(); ++i) {
        // The fewest folders that no other file of that name shares.
        qsizetype needed = 0;
        for (qsizetype j = 0; j < files.size(); ++j) {
            if (j == i || names.at(j) != names.at(i))
                continue;
            qsizetype count = 1;
            while (count < parents.at(i).size()
                   && suffix(parents.at(i), count) == suffix(parents.at(j), count))
                ++count;
            needed = std::max(needed, count);
        }
        labels.append(needed == 0 ? names.at(i)
                                  : tr("%1 — %2", "file name — folders that tell it apart")
                                        .arg(names.at(i), suffix(parents.at(i), needed, true)));
    }
    return labels;
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
        const QStringList texts = labels(list);
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString fileName = list.at(i);
            QString name = texts.at(i);
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

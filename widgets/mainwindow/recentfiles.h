#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

namespace infralab {

// The "Open Recent" list: up to MaxFiles absolute paths, most recent first, kept in QSettings
// under SettingsKey. Files that no longer exist are dropped whenever the list is read. It fills
// the menu it is given (rebuilt each time the menu is about to show) and reports the file the
// user picks.
class RecentFiles final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecentFiles)

public:
    static constexpr int MaxFiles = 10;
    static constexpr const char *SettingsKey = "recentFiles";

    explicit RecentFiles(QMenu *menu, QObject *parent = nullptr);

    QMenu *menu() const { return m_menu; }
    QStringList files() const;
    void add(const QString &fileName);
    void remove(const QString &fileName);
    void clear();

    // The menu's labels for `files` (absolute paths), in order: the file name, and for names
    // that occur more than once the shortest suffix of the parent folders that tells them
    // apart ("lab.json — a/b" and "lab.json — c/b"). Without mnemonics or escaping.
    static QStringList labels(const QStringList &files);

signals:
    void fileTriggered(const QString &fileName);
    void changed();

private:
    static void store(const QStringList &files);
    void rebuildMenu();

    QMenu *m_menu;
};

} // namespace infralab

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

    QStringList files() const;
    void add(const QString &fileName);
    void remove(const QString &fileName);
    void clear();

signals:
    void fileTriggered(const QString &fileName);
    void changed();

private:
    static void store(const QStringList &files);
    void rebuildMenu();

    QMenu *m_menu;
};

} // namespace infralab

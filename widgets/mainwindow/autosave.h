#pragma once

#include <QDateTime>
#include <QList>
#include <QLockFile>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

namespace infralab {

class Document;
struct Topology;

// A recovery file left behind by a window that did not close normally (a crash, a killed
// process): what it holds and where the topology came from.
struct RecoveryFile
{
    QString path;         // the recovery file itself
    QString originalFile; // the topology's file, empty for an untitled one
    QDateTime saved;      // when it was written
};

// Autosaves a window's document with unsaved changes to its own recovery file every
// IntervalMs (QStandardPaths::AppDataLocation/recovery, one file per document), atomically.
// The file goes away after a normal save, when the changes are discarded or undone, and when
// the document is replaced; it stays when the program dies, and the next start offers it. A
// recovered document keeps autosaving into the file it came from (adopt()), so the file
// outlives every crash until the recovered changes are saved or discarded. A lock file beside
// it, held while the window lives, keeps other running instances from offering a file that is
// still in use; a dead owner's lock is stale: taken over, or removed at the next start when
// its window never wrote a recovery file.
class Autosave final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Autosave)

public:
    static constexpr int IntervalMs = 30 * 1000;

    explicit Autosave(Document *document, QObject *parent = nullptr);
    ~Autosave() override; // releases the lock, keeps the file: only a normal close removes it

    QString path() const { return m_path; }
    QTimer *timer() { return &m_timer; }

    // Writes the recovery file now when there are changes it does not hold yet.
    bool saveNow();
    // Removes the recovery file (the changes were saved or thrown away).
    void discard();
    // Takes over `path`, a recovery file a dead window left (the document now holds what it
    // recovered from it): this window's own file goes, `path` is locked and rewritten now and
    // from then on, and removed only when the recovered changes are saved or discarded.
    void adopt(const QString &path);

    static QString folder();
    // Recovery files whose owner is gone, newest first.
    static QList<RecoveryFile> orphans();
    // Reads a recovery file; false with `error` set when it cannot be used.
    static bool read(const QString &path, Topology *topology, QString *originalFile,
                     QString *error);
    // Removes a recovery file and its lock.
    static void remove(const QString &path);
    // Removes the lock files of windows that died before writing a recovery file (every window
    // holds a lock from its start; a kill leaves it behind). Locks of running windows, and
    // those beside a recovery file (orphans() takes them over), stay. Returns how many went.
    static int removeStaleLocks();

private:
    void lock();

    Document *m_document;
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
    QTimer m_timer;
    bool m_dirty = false; // changes since the last write
};

} // namespace infralab

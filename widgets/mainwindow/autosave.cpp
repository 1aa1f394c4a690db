#include "mainwindow/autosave.h"

#include "document/document.h"
#include "format/topologyreader.h"
#include "format/topologywriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace infralab {

namespace {

const QString Suffix = QStringLiteral(".infralab-recovery.json");
const QString LockSuffix = QStringLiteral(".lock");
const QString FormatName = QStringLiteral("infralab-recovery");
const QString FileKey = QStringLiteral("file");
const QString SavedKey = QStringLiteral("saved");
const QString TopologyKey = QStringLiteral("topology");
const QString FormatKey = QStringLiteral("format");

QJsonObject readObject(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > TopologyReader::MaxFileSize)
        return {};
    const QJsonDocument json = QJsonDocument::fromJson(file.readAll());
    const QJsonObject object = json.object();
    return object.value(FormatKey).toString() == FormatName ? object : QJsonObject();
}

} // namespace

Autosave::Autosave(Document *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_path = QDir(folder()).filePath(id + Suffix);
    QDir().mkpath(folder());
    removeStaleLocks();
    lock();

    m_timer.setInterval(IntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &Autosave::saveNow);
    m_timer.start();
    connect(document->undoStack(), &QUndoStack::indexChanged, this, [this] { m_dirty = true; });
    connect(document, &Document::modifiedChanged, this, [this](bool modified) {
        m_dirty = modified;
        if (!modified)
            discard(); // saved, or undone back to what is saved
    });
    connect(document, &Document::topologyReset, this, &Autosave::discard);
}

Autosave::~Autosave()
{
    m_lock->unlock();
}

bool Autosave::saveNow()
{
    if (!m_dirty || !m_document->isModified())
        return false;
    const QJsonDocument topology
        = QJsonDocument::fromJson(TopologyWriter::serialize(m_document->topology()));
    QJsonObject object;
    object.insert(FormatKey, FormatName);
    object.insert(QStringLiteral("version"), 1);
    object.insert(FileKey, m_document->fileName());
    object.insert(SavedKey, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    object.insert(TopologyKey, topology.object());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(object).toJson());
    if (!file.commit())
        return false;
    m_dirty = false;
    return true;
}

void Autosave::discard()
{
    QFile::remove(m_path);
}

void Autosave::adopt(const QString &path)
{
    if (path == m_path)
        return;
    QFile::remove(m_path);
    m_lock->unlock();
    m_path = path;
    lock();
    m_dirty = true;
    saveNow(); // the file now says this window holds it, should this one die too
}

void Autosave::lock()
{
    m_lock = std::make_unique<QLockFile>(m_path + LockSuffix);
    m_lock->setStaleLockTime(0); // only a dead owner makes a lock stale, never its age
    m_lock->tryLock(0);
}

QString Autosave::folder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("recovery"));
}

QList<RecoveryFile> Autosave::orphans()
{
    QList<RecoveryFile> files;
    const QDir dir(folder());
    for (const QFileInfo &info : dir.entryInfoList({QLatin1Char('*') + Suffix}, QDir::Files)) {
        QLockFile lock(info.absoluteFilePath() + LockSuffix);
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue; // its window is still open, here or in another instance
        lock.unlock();
        const QJsonObject object = readObject(info.absoluteFilePath());
        RecoveryFile file;
        file.path = info.absoluteFilePath();
        file.originalFile = object.value(FileKey).toString();
        file.saved = QDateTime::fromString(object.value(SavedKey).toString(), Qt::ISODateWithMs);
        if (!file.saved.isValid())
            file.saved = info.lastModified();
        files.append(file);
    }
    std::sort(files.begin(), files.end(),
              [](const RecoveryFile &a, const RecoveryFile &b) { return a.saved > b.saved; });
    return files;
}

bool Autosave::read(const QString &path, Topology *topology, QString *originalFile, QString *error)
{
    const QJsonObject object = readObject(path);
    if (object.isEmpty()) {
        *error = QCoreApplication::translate("Autosave", "The recovery file is damaged.");
        return false;
    }
    const ReadResult result
        = TopologyReader::parse(QJsonDocument(object.value(TopologyKey).toObject()).toJson());
    // Validation errors (a port used twice) are unsaved work like any other: only a topology
    // the reader cannot make is refused.
    if (!result.ok()) {
        const auto firstError = std::find_if(result.problems.cbegin(), result.problems.cend(),
                                             [](const Problem &p) { return p.isError(); });
        *error = firstError->toString();
        return false;
    }
    *topology = result.topology;
    *originalFile = object.value(FileKey).toString();
    return true;
}

void Autosave::remove(const QString &path)
{
    QFile::remove(path);
    QFile::remove(path + LockSuffix);
}

int Autosave::removeStaleLocks()
{
    int removed = 0;
    const QDir dir(folder());
    for (const QFileInfo &info :
         dir.entryInfoList({QLatin1Char('*') + Suffix + LockSuffix}, QDir::Files | QDir::Hidden)) {
        const QString lockPath = info.absoluteFilePath();
        if (QFile::exists(lockPath.chopped(LockSuffix.size())))
            continue; // a recovery file's lock: orphans() decides
        QLockFile lock(lockPath);
        lock.setStaleLockTime(0);
        qint64 pid = 0;
        QString host;
        QString application;
        if (!lock.getLockInfo(&pid, &host, &application))
            continue; // being written, or not a lock file: leave it
        // tryLock() takes the lock over only when its owner is gone (same host, no such
        // process); unlocking then deletes it. A running window keeps its lock.
        if (lock.tryLock(0)) {
            lock.unlock();
            ++removed;
        }
    }
    return removed;
}

} // namespace infralab

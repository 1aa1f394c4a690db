#pragma once

#include <QByteArray>
#include <QHash>

namespace infralab::webserver {

// What the cache knows about one normalised request path.
struct CachedFile
{
    enum class Kind : quint8 {
        File,               // a regular file under the root
        NeedsSlash,         // a folder named without its trailing '/' → 301
        FolderWithoutIndex, // → 403 (no listings)
        Missing,            // → 404 (also: escapes the root, not a regular file)
        Forbidden,          // → 403 (permission denied)
    };
    Kind kind = Kind::Missing;
    qint64 checkedMs = 0;
    qint64 size = 0;
    qint64 mtime = 0; // seconds since the epoch
    QByteArray etag;  // "<mtime hex>-<size hex>" with quotes (nginx ngx_http_set_etag)
    QByteArray lastModified;
    QByteArrayView mimeType;
    QByteArray body;     // the whole file when size ≤ SmallFileLimit
    QByteArray diskPath; // canonical path, for files streamed from disk
    QByteArray gzipBody; // compressed form, made on first demand
    bool gzipTried = false;

    bool inMemory() const { return size <= SmallFileLimit; }
    static constexpr qint64 SmallFileLimit = 64 * 1024;
};

// The per-thread map from request path to file (like nginx's open_file_cache): small files
// are kept whole with their headers ready, so a hot file costs no system call; an entry is
// checked against the disk again at most once a second. Paths are resolved with realpath()
// and must stay under the canonical root (robustness.md §6): a symlink leading outside is
// Missing. An empty root serves the bundled demo site from the Qt resources at :/site/.
class OpenFileCache
{
public:
    OpenFileCache(QByteArray root, QByteArray index);

    // `path` comes from normaliseStaticPath(); `nowMs` is a steady clock.
    // The reference stays valid until the next lookup(); the caller may add the gzip form
    // (and report its size with addBytes()).
    CachedFile &lookup(const QByteArray &path, qint64 nowMs);
    void addBytes(qint64 bytes) { m_bytes += bytes; }
    // Drops an entry found stale while serving (a streamed file that vanished).
    void forget(const QByteArray &path) { m_entries.remove(path); }

    static constexpr int MaxEntries = 2048;
    static constexpr qint64 MaxBytes = 32 * 1024 * 1024;
    static constexpr qint64 ValidityMs = 1000;

private:
    CachedFile resolve(const QByteArray &path) const;
    CachedFile resolveDisk(const QByteArray &path) const;
    CachedFile resolveResource(const QByteArray &path) const;
    bool isUnderRoot(const QByteArray &canonical) const;
    void fillFile(CachedFile &file, QByteArrayView name) const;

    QByteArray m_root;       // canonical, empty = resources
    QByteArray m_rootPrefix; // m_root with a trailing '/'
    QByteArray m_index;
    QHash<QByteArray, CachedFile> m_entries;
    qint64 m_bytes = 0;
    CachedFile m_miss; // the last negative answer (not kept in m_entries)
};

} // namespace infralab::webserver

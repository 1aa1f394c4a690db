#include "components/webserver/openfilecache.h"

#include "components/common/mimetypes.h"
#include "http/responseheadwriter.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <climits>
#include <cstdlib>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace infralab::webserver {

using Kind = CachedFile::Kind;

OpenFileCache::OpenFileCache(QByteArray root, QByteArray index)
    : m_root(std::move(root))
    , m_rootPrefix(m_root.endsWith('/') ? m_root : m_root + '/')
    , m_index(std::move(index))
{}

CachedFile &OpenFileCache::lookup(const QByteArray &path, qint64 nowMs)
{
    auto it = m_entries.find(path);
    // Resources never change while the program runs; files are re-checked once a second.
    if (it != m_entries.end() && (m_root.isEmpty() || nowMs - it->checkedMs < ValidityMs))
        return *it;
    CachedFile fresh = resolve(path);
    fresh.checkedMs = nowMs;
    if (it != m_entries.end()) {
        if (it->kind == Kind::File && fresh.kind == Kind::File && it->etag == fresh.etag) {
            fresh.gzipBody = it->gzipBody; // unchanged: keep the compressed form
            fresh.gzipTried = it->gzipTried;
        }
        m_bytes -= it->body.size() + it->gzipBody.size();
        m_entries.erase(it);
    }
    if (fresh.kind == Kind::Missing || fresh.kind == Kind::Forbidden) {
        // Not kept: a flood of random paths must not push the hot files out.
        m_miss = std::move(fresh);
        return m_miss;
    }
    if (m_entries.size() >= MaxEntries || m_bytes > MaxBytes) {
        m_entries.clear(); // crude but bounded; hot files come back on their next request
        m_bytes = 0;
    }
    m_bytes += fresh.body.size() + fresh.gzipBody.size();
    return *m_entries.insert(path, std::move(fresh));
}

CachedFile OpenFileCache::resolve(const QByteArray &path) const
{
    return m_root.isEmpty() ? resolveResource(path) : resolveDisk(path);
}

bool OpenFileCache::isUnderRoot(const QByteArray &canonical) const
{
    return canonical == m_root || canonical.startsWith(m_rootPrefix);
}

void OpenFileCache::fillFile(CachedFile &file, QByteArrayView name) const
{
    file.kind = Kind::File;
    file.mimeType = components::mimeTypeForPath(name);
    // nginx ngx_http_set_etag: "\"%xT-%xO\"" (mtime and size in lower-case hex).
    file.etag
        = '"' + QByteArray::number(file.mtime, 16) + '-' + QByteArray::number(file.size, 16) + '"';
    file.lastModified = http::formatHttpDate(file.mtime);
}

static Kind failureKind(int error)
{
    return error == EACCES ? Kind::Forbidden : Kind::Missing;
}

// realpath(3) of `path`, or an empty array with errno set.
static QByteArray canonicalPath(const QByteArray &path)
{
    char buffer[PATH_MAX];
    if (!::realpath(path.constData(), buffer))
        return {};
    return QByteArray(buffer);
}

CachedFile OpenFileCache::resolveDisk(const QByteArray &path) const
{
    CachedFile file;
    QByteArray canonical = canonicalPath(m_root + path);
    if (canonical.isEmpty()) {
        file.kind = failureKind(errno);
        return file;
    }
    if (!isUnderRoot(canonical))
        return file; // a symlink leading out of the root: refused as if absent
    struct stat info;
    if (::stat(canonical.constData(), &info) != 0) {
        file.kind = failureKind(errno);
        return file;
    }
    QByteArrayView mimeName = path;
    if (S_ISDIR(info.st_mode)) {
        if (!path.endsWith('/')) {
            file.kind = Kind::NeedsSlash;
            return file;
        }
        canonical = canonicalPath(m_rootPrefix + path.sliced(1) + m_index);
        if (canonical.isEmpty() || !isUnderRoot(canonical)) {
            file.kind = !canonical.isEmpty() || errno != EACCES ? Kind::FolderWithoutIndex
                                                                : Kind::Forbidden;
            return file;
        }
        if (::stat(canonical.constData(), &info) != 0 || !S_ISREG(info.st_mode)) {
            file.kind = Kind::FolderWithoutIndex;
            return file;
        }
        mimeName = m_index;
    } else if (!S_ISREG(info.st_mode) || path.endsWith('/')) {
        return file; // devices, sockets, fifos: never opened
    }

    const int fd = ::open(canonical.constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        file.kind = failureKind(errno);
        return file;
    }
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return file;
    }
    file.size = info.st_size;
    file.mtime = info.st_mtim.tv_sec;
    file.diskPath = canonical;
    if (file.inMemory()) {
        file.body.resize(file.size);
        qint64 done = 0;
        while (done < file.size) {
            const ssize_t n = ::read(fd, file.body.data() + done, size_t(file.size - done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            done += n;
        }
        file.body.truncate(done); // shrank meanwhile: serve what is there, consistently
        file.size = done;
    }
    ::close(fd);
    fillFile(file, mimeName);
    return file;
}

CachedFile OpenFileCache::resolveResource(const QByteArray &path) const
{
    // The path has no dot segments (normaliseStaticPath), so it cannot leave :/site/.
    CachedFile file;
    QString name = QStringLiteral(":/site") + QString::fromUtf8(path);
    QFileInfo info(name);
    if (!info.exists())
        return file;
    QByteArrayView mimeName = path;
    if (info.isDir()) {
        if (!path.endsWith('/')) {
            file.kind = Kind::NeedsSlash;
            return file;
        }
        name += QString::fromUtf8(m_index);
        info.setFile(name);
        if (!info.exists() || info.isDir()) {
            file.kind = Kind::FolderWithoutIndex;
            return file;
        }
        mimeName = m_index;
    } else if (path.endsWith('/')) {
        return file;
    }
    QFile resource(name);
    if (!resource.open(QIODevice::ReadOnly))
        return file;
    file.body = resource.readAll();
    file.size = file.body.size();
    // rcc records each file's modification time; without it, a fixed date keeps ETags stable.
    const QDateTime modified = info.lastModified();
    file.mtime = modified.isValid() && modified.toSecsSinceEpoch() > 0 ? modified.toSecsSinceEpoch()
                                                                       : 1704067200; // 2024-01-01
    fillFile(file, mimeName);
    return file;
}

} // namespace infralab::webserver

// libFuzzer target for the web server's path handling (core/components/webserver): a raw
// request path goes through normaliseStaticPath() and OpenFileCache::lookup() against a real
// temporary root that holds files, folders with and without an index, and symlinks leading
// out of it (to a folder, to a secret file, absolute, dangling, looping). Invariants: a usable
// normalised path is absolute with no dot segment, empty segment or NUL; whatever lookup()
// answers as a file is, by realpath(3), inside the canonical root and never the secret, and
// its bytes are not the secret's; nothing crashes.
#include "components/webserver/openfilecache.h"
#include "components/webserver/staticpath.h"
#include "fuzzcheck.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <climits>
#include <cstdint>
#include <cstdlib>
#include <unistd.h>

using namespace infralab::webserver;
using infralab::fuzz::check;

namespace {

const QByteArray Secret = "top secret: outside the root";

QByteArray canonical(const QByteArray &path)
{
    char buffer[PATH_MAX];
    return ::realpath(path.constData(), buffer) ? QByteArray(buffer) : QByteArray();
}

void writeFile(const QString &name, const QByteArray &bytes)
{
    QFile file(name);
    check(file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size(), "setup: write");
}

void symlinkTo(const QByteArray &target, const QString &link)
{
    check(::symlink(target.constData(), QFile::encodeName(link).constData()) == 0,
          "setup: symlink");
}

// base/root is served; base/outside holds the secret; base/root-sibling starts like the root.
struct Site
{
    QTemporaryDir base;
    QByteArray root; // canonical
    QByteArray secretPath;
    QByteArray rootPrefix;
    OpenFileCache *cache = nullptr;

    Site()
    {
        check(base.isValid(), "setup: temporary folder");
        QDir dir(base.path());
        check(dir.mkpath(QStringLiteral("root/a/b")) && dir.mkpath(QStringLiteral("root/noindex"))
                  && dir.mkpath(QStringLiteral("outside"))
                  && dir.mkpath(QStringLiteral("root-sibling")),
              "setup: folders");
        const QString r = base.path() + QStringLiteral("/root/");
        writeFile(r + QStringLiteral("index.html"), "<h1>home</h1>");
        writeFile(r + QStringLiteral("a/index.html"), "<h1>a</h1>");
        writeFile(r + QStringLiteral("a/b/c.txt"), "c");
        writeFile(r + QStringLiteral("caf\xc3\xa9.html"), "utf-8 name");
        writeFile(r + QStringLiteral("my file.txt"), "space");
        writeFile(r + QStringLiteral("%2e%2e"), "literal name");
        writeFile(base.path() + QStringLiteral("/outside/secret.txt"), Secret);
        writeFile(base.path() + QStringLiteral("/outside/index.html"), Secret);
        writeFile(base.path() + QStringLiteral("/root-sibling/secret.txt"), Secret);
        const QByteArray outside = QFile::encodeName(base.path()) + "/outside";
        symlinkTo("../outside", r + QStringLiteral("up"));
        symlinkTo("../outside/secret.txt", r + QStringLiteral("secret.txt"));
        symlinkTo(outside, r + QStringLiteral("abs"));
        symlinkTo("../root-sibling", r + QStringLiteral("sibling"));
        symlinkTo("a/b/c.txt", r + QStringLiteral("inside.txt")); // allowed: stays inside
        symlinkTo("missing", r + QStringLiteral("dangling"));
        symlinkTo("loop", r + QStringLiteral("loop"));
        symlinkTo("/etc/passwd", r + QStringLiteral("passwd"));
        root = canonical(QFile::encodeName(base.path()) + "/root");
        rootPrefix = root + '/';
        secretPath = canonical(outside + "/secret.txt");
        check(!root.isEmpty() && !secretPath.isEmpty(), "setup: canonical paths");
        cache = new OpenFileCache(root, "index.html");
    }
    ~Site() { delete cache; }
};

Site &site()
{
    static Site s;
    return s;
}

void checkNormalised(const QByteArray &path)
{
    check(path.startsWith('/'), "normalised path is not absolute");
    check(!path.contains('\0'), "NUL in a normalised path");
    check(!path.contains("//"), "empty segment in a normalised path");
    for (const QByteArray &segment : path.sliced(1).split('/'))
        check(segment != "." && segment != "..", "dot segment in a normalised path");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Site &s = site();
    const QByteArrayView raw(reinterpret_cast<const char *>(data), qsizetype(size));
    const StaticPath normalised = normaliseStaticPath(raw);
    if (normalised.status != 0) {
        check(normalised.status == 400 || normalised.status == 404, "unexpected status");
        return 0;
    }
    checkNormalised(normalised.path);
    static qint64 nowMs = 0;
    nowMs += 7; // entries expire now and then (ValidityMs), so disk checks repeat
    const CachedFile &file = s.cache->lookup(normalised.path, nowMs);
    if (file.kind != CachedFile::Kind::File)
        return 0;
    const QByteArray where = canonical(file.diskPath);
    check(!where.isEmpty(), "a served file has no canonical path");
    check(where == s.root || where.startsWith(s.rootPrefix), "served a file outside the root");
    check(where != s.secretPath, "served the secret");
    check(!file.body.contains(Secret), "served the secret's bytes");
    return 0;
}

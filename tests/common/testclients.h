#pragma once

// Small helpers the integration tests share: real curl run as a child process, and a port on
// 127.0.0.1 that nothing listens on. Header-only; test code only.

#include <QByteArray>
#include <QHostAddress>
#include <QProcess>
#include <QSignalSpy>
#include <QStringList>
#include <QTcpServer>

namespace infralab::testing {

struct CurlResult
{
    int exitCode = -1; // -1 when curl crashed or was killed at the timeout
    QByteArray out;
    QByteArray err;
};

// Runs curl with `arguments`, spinning the event loop while it runs (in-process servers in the
// test's own thread keep answering); killed after `timeoutMs`.
inline CurlResult curl(const QStringList &arguments, int timeoutMs = 20000)
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral("curl"), arguments);
    if (!finished.wait(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

// A port on 127.0.0.1 that was free a moment ago (bound, then released): connecting to it is
// refused, and a server started on it usually gets it.
inline quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace infralab::testing

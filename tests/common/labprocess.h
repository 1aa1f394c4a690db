#pragma once

// `infralab run` as a child process, the way scripts start it: started, read line by line up
// to `ready`, asked for the URLs it printed, stopped by a signal. Header-only; test code only.
// The tests that include it define INFRALAB_BINARY (the infralab executable).

#include <QByteArray>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>
#include <QTemporaryDir>

#include <csignal>

namespace infralab::testing {

// A topology file's text around `nodes` and `links` (JSON arrays).
inline QByteArray topologyJson(const QByteArray &nodes, const QByteArray &links = "[]")
{
    return R"({ "format": "infralab-topology", "version": 1, "name": "t", "nodes": )" + nodes
           + R"(, "links": )" + links + " }";
}

// Writes `bytes` to `name` in `dir` (folders made as needed); the test stops if it cannot.
inline QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

class LabProcess
{
public:
    explicit LabProcess(const QStringList &arguments)
    {
        m_process.start(QStringLiteral(INFRALAB_BINARY), QStringList{"run"} + arguments);
    }
    ~LabProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    // Reads stdout until a `ready` line; false when the process ends first or after 30 s.
    bool waitForReady()
    {
        QDeadlineTimer deadline(30000);
        while (!m_lines.contains("ready")) {
            if (!m_process.canReadLine()
                && !m_process.waitForReadyRead(int(deadline.remainingTime())))
                return false;
            while (m_process.canReadLine())
                m_lines.append(QString::fromUtf8(m_process.readLine()).chopped(1));
        }
        return true;
    }

    // The URL printed for `nodeId` (`<id> <kind> <url>`), or empty.
    QString url(const QString &nodeId, const QString &kind) const
    {
        const QRegularExpression line("^" + QRegularExpression::escape(nodeId + ' ' + kind + ' ')
                                      + R"((http://127\.0\.0\.1:[1-9][0-9]*)$)");
        for (const QString &text : m_lines) {
            const QRegularExpressionMatch match = line.match(text);
            if (match.hasMatch())
                return match.captured(1);
        }
        return {};
    }

    void signal(int signalNumber) { ::kill(pid_t(m_process.processId()), signalNumber); }
    bool waitForFinished(int ms = 10000) { return m_process.waitForFinished(ms); }
    bool isRunning() const { return m_process.state() == QProcess::Running; }

    const QStringList &lines() const { return m_lines; }
    QString err() { return m_err += QString::fromUtf8(m_process.readAllStandardError()); }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QStringList m_lines;
    QString m_err;
};

} // namespace infralab::testing

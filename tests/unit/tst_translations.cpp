#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

// The committed translations match the code: running translations/update.sh on a copy of
// each translations/infralab_<lang>.ts changes nothing, every message is translated and
// none is obsolete. A failure lists the offending source strings; fix it with
// translations/update.sh, then translate the new strings (Qt Linguist or a text editor).
using namespace Qt::StringLiterals;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    QString comment;
    QString type; // translation's type attribute: "", "unfinished", "vanished", "obsolete"

    // One line per message, so failure lists stay readable for multi-line sources.
    QString key() const
    {
        QString key = context + u" | "_s + source
                      + (comment.isEmpty() ? QString() : u" ("_s + comment + u')');
        return key.replace(u'\n', u"\\n"_s);
    }
};

QList<TsMessage> readTs(const QString &fileName, QString *error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"context") {
            context.clear();
        } else if (name == u"name" && context.isEmpty()) {
            context = xml.readElementText();
        } else if (name == u"message") {
            message = TsMessage{context, {}, {}, {}};
        } else if (name == u"source") {
            message.source = xml.readElementText();
        } else if (name == u"comment") {
            message.comment = xml.readElementText();
        } else if (name == u"translation") {
            message.type = xml.attributes().value(QStringLiteral("type")).toString();
            messages.append(message);
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3")
                     .arg(fileName)
                     .arg(xml.lineNumber())
                     .arg(xml.errorString());
    return messages;
}

QStringList keysWhere(const QList<TsMessage> &messages, const QStringList &types)
{
    QStringList keys;
    for (const TsMessage &m : messages) {
        if (types.contains(m.type))
            keys.append(m.key());
    }
    return keys;
}

QStringList allKeys(const QList<TsMessage> &messages)
{
    QStringList keys;
    for (const TsMessage &m : messages)
        keys.append(m.key());
    return keys;
}

QString bulleted(const QStringList &lines)
{
    return u"\n  "_s + lines.join(u"\n  "_s);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!QFileInfo(QStringLiteral(INFRALAB_LUPDATE)).isExecutable())
            QSKIP(
                "lupdate is not installed (Debian: qt6-l10n-tools); installer/deps.sh installs it");
    }

    void committedFilesAreCurrent_data()
    {
        QTest::addColumn<QString>("tsFile");
        const QDir dir(QStringLiteral(INFRALAB_SOURCE_DIR "/translations"));
        const QStringList files = dir.entryList({QStringLiteral("infralab_*.ts")}, QDir::Files);
        QVERIFY2(!files.isEmpty(), "no translations/infralab_*.ts");
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << dir.filePath(file);
    }

    void committedFilesAreCurrent()
    {
        QFETCH(QString, tsFile);

        QString error;
        const QList<TsMessage> committed = readTs(tsFile, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QString refreshedFile = temp.filePath(QFileInfo(tsFile).fileName());
        QVERIFY(QFile::copy(tsFile, refreshedFile));
        QFile::setPermissions(refreshedFile, QFile::ReadOwner | QFile::WriteOwner);

        QProcess update;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LUPDATE"), QStringLiteral(INFRALAB_LUPDATE));
        update.setProcessEnvironment(env);
        update.start(
            QStringLiteral("bash"),
            {QStringLiteral(INFRALAB_SOURCE_DIR "/translations/update.sh"), refreshedFile});
        QVERIFY2(update.waitForFinished(120000), "translations/update.sh did not finish");
        QVERIFY2(update.exitStatus() == QProcess::NormalExit && update.exitCode() == 0,
                 update.readAllStandardError().constData());

        const QList<TsMessage> refreshed = readTs(refreshedFile, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        // One report with everything wrong, so a single run says all there is to fix.
        QStringList report;
        const QStringList obsolete = keysWhere(committed, {u"vanished"_s, u"obsolete"_s});
        if (!obsolete.isEmpty())
            report << u"obsolete messages in the committed file:"_s + bulleted(obsolete);

        const QStringList committedKeys = allKeys(committed);
        const QStringList refreshedKeys = allKeys(refreshed);
        QStringList added;
        for (const QString &key : refreshedKeys) {
            if (!committedKeys.contains(key))
                added.append(key);
        }
        QStringList removed;
        for (const QString &key : committedKeys) {
            if (!refreshedKeys.contains(key))
                removed.append(key);
        }
        if (!added.isEmpty())
            report << u"stale file, new in the code:"_s + bulleted(added);
        if (!removed.isEmpty())
            report << u"stale file, gone from the code:"_s + bulleted(removed);
        if (refreshed.size() != committed.size()) {
            report << u"stale file: %1 messages committed, %2 in the code"_s.arg(committed.size())
                          .arg(refreshed.size());
        }

        const QStringList unfinished = keysWhere(refreshed, {u"unfinished"_s});
        if (!unfinished.isEmpty()) {
            report << u"%1 untranslated messages (context | source):"_s.arg(unfinished.size())
                          + bulleted(unfinished);
        }
        if (!obsolete.isEmpty() || !added.isEmpty() || !removed.isEmpty())
            report << u"Run translations/update.sh, then translate the unfinished messages."_s;
        // QtTest cuts failure messages at about 1,000 characters; the lists go out line by line.
        if (!report.isEmpty()) {
            for (const QString &line : report.join(u'\n').split(u'\n'))
                qInfo().noquote() << line;
            QFAIL(qPrintable(u"%1: %2 untranslated, %3 new, %4 gone, %5 obsolete (listed above)"_s
                                 .arg(QFileInfo(tsFile).fileName())
                                 .arg(unfinished.size())
                                 .arg(added.size())
                                 .arg(removed.size())
                                 .arg(obsolete.size())));
        }
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"

#include "applicationsetup.h"

#include <infralab/version.h>

#include <QCoreApplication>
#include <QGuiApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace infralab {

namespace {

void installTranslator(QCoreApplication &app, const QString &catalogue, const QString &folder)
{
    auto translator = new QTranslator(&app);
    if (translator->load(QLocale::system(), catalogue, QStringLiteral("_"), folder))
        QCoreApplication::installTranslator(translator);
    else
        delete translator;
}

} // namespace

void setApplicationMetadata()
{
    QCoreApplication::setApplicationName(QStringLiteral("infralab"));
    QCoreApplication::setOrganizationName(QStringLiteral("InfraLab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INFRALAB_VERSION));
}

void installTranslators(QCoreApplication &app)
{
    installTranslator(app, QStringLiteral("qtbase"),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    installTranslator(app, QStringLiteral("infralab"), QStringLiteral(":/i18n"));
}

void setupGuiApplication()
{
    QGuiApplication::setApplicationDisplayName(QStringLiteral("InfraLab"));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.infralab.InfraLab"));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/infralab.svg")));
}

} // namespace infralab

#include "catalogue/kinds.h"
#include "catalogue/schema.h"

#include <QCoreApplication>

namespace infralab::kinds {

using namespace schema;

// Speaks the PostgreSQL frontend/backend protocol 3.0 (component-specs.md section 5); the
// settings mirror postgresql.conf, pg_hba.conf and the libpq connection keywords.
KindInfo database()
{
    KindInfo k;
    k.kind = text("database");
    k.displayName = text(QT_TRANSLATE_NOOP("Catalogue", "Database"));
    k.category = Category::Data;
    k.idPrefix = text("db");
    k.urlScheme = text("postgres");
    k.description = text(QT_TRANSLATE_NOOP(
        "Catalogue", "A SQL database that speaks the PostgreSQL wire protocol, so psql and "
                     "pgbench can connect."));
    k.config = {
        portKey(),
        stringKey("user", "infralab",
                  QT_TRANSLATE_NOOP("Catalogue", "User name clients log in with.")),
        stringKey("password", "",
                  QT_TRANSLATE_NOOP("Catalogue",
                                    "Password of the user; ignored with trust authentication.")),
        stringKey("dbname", "infralab",
                  QT_TRANSLATE_NOOP("Catalogue", "Name of the database clients connect to.")),
        enumKey("auth_method", "trust", {"trust", "password", "md5", "scram-sha-256"},
                QT_TRANSLATE_NOOP("Catalogue",
                                  "How clients prove the password, as in pg_hba.conf; trust "
                                  "asks for none.")),
        intKey("max_connections", 100, 1, 10000,
               QT_TRANSLATE_NOOP("Catalogue",
                                 "Sessions open at once; one more gets \"too many clients\" "
                                 "(53300).")),
        intKey("statement_timeout_ms", 0, 0, 86400000,
               QT_TRANSLATE_NOOP("Catalogue",
                                 "Statements running longer are cancelled (57014); 0 is no "
                                 "limit."),
               "ms"),
        pathKey("data_file", "",
                QT_TRANSLATE_NOOP("Catalogue",
                                  "File that keeps the data between runs; empty keeps it in "
                                  "memory only.")),
        pathKey("init_script", "",
                QT_TRANSLATE_NOOP("Catalogue",
                                  "SQL file run at start, for example to create and fill "
                                  "tables.")),
        intKey("pgbench_scale", 0, 0, 100,
               QT_TRANSLATE_NOOP("Catalogue",
                                 "Create the pgbench tables at this scale at start; 0 creates "
                                 "none.")),
    };
    present(k.config, {
        {"user", QT_TRANSLATE_NOOP("Catalogue", "User"), group::Security},
        {"password", QT_TRANSLATE_NOOP("Catalogue", "Password"), group::Security},
        {"dbname", QT_TRANSLATE_NOOP("Catalogue", "Database name"), group::Data},
        {"auth_method", QT_TRANSLATE_NOOP("Catalogue", "Authentication"), group::Security},
        {"max_connections", QT_TRANSLATE_NOOP("Catalogue", "Client connections"), group::Limits},
        {"statement_timeout_ms", QT_TRANSLATE_NOOP("Catalogue", "Statement timeout"), group::Timeouts},
        {"data_file", QT_TRANSLATE_NOOP("Catalogue", "Data file"), group::Data},
        {"init_script", QT_TRANSLATE_NOOP("Catalogue", "Init script"), group::Data},
        {"pgbench_scale", QT_TRANSLATE_NOOP("Catalogue", "pgbench scale"), group::Data},
    });
    return k;
}

} // namespace infralab::kinds

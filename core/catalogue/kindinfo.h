#pragma once

#include "catalogue/configkey.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace infralab {

enum class Category { Traffic, Edge, Compute, Data };

QString categoryName(Category category); // "traffic", "edge", "compute", "data"

// A setting the Node detail dock offers as a control while the node is selected, to turn it
// while the lab runs (a generator's rate): the dock edits the document, and the running lab
// takes the change like any other edit. Range, unit and values come from the key in `config`:
// an Int key gets a spin box (and a slider with `logarithmic`), an Enum key a combo box.
struct LiveControl
{
    QString key;
    QString label;            // "Rate:" (translate with context "Catalogue")
    bool logarithmic = false; // a slider over decades, 1 … the key's maximum
    // Why the control does nothing under the node's effective `config` (translated), e.g. a
    // rate in closed mode; empty or unset: it acts. The dock disables an idle control.
    std::function<QString(const QJsonObject &config)> idleReason = {};
    // An idle control shows the node's measured sending rate (NodeDetail::sendingRate) instead
    // of its setting.
    bool idleShowsSendingRate = false;
};

// The kind's live controls, in one group of the Node detail dock.
struct LiveControls
{
    QString title; // "Load" (translate with context "Catalogue")
    QList<LiveControl> controls;
    // A line above the controls saying how they act under the node's effective `config`
    // ("Open model: …"), translated; may be unset.
    std::function<QString(const QJsonObject &config)> note;

    bool isEmpty() const { return controls.isEmpty(); }
};

// Everything the program knows about one kind of component. The single source of truth read
// by validation, the palette, the inspector, the docs check and the exporters.
struct KindInfo
{
    QString kind;        // file-format name: "web-server"
    QString displayName; // "Web server" (translate with context "Catalogue")
    Category category = Category::Compute;
    QString idPrefix;    // fresh ids: "web" → web-1, web-2, …
    QString icon;        // Qt resource path of the SVG icon
    QString description; // one line (translate with context "Catalogue")
    QString urlScheme;   // "http", "postgres", "redis"; empty when the kind does not listen
    QList<ConfigKey> config;
    QList<ConfigKey> linkConfig; // keys of links going out of this kind
    QStringList callees;         // kinds this kind may link to (traffic direction)
    LiveControls liveControls;   // empty: the Node detail dock offers none

    bool listens() const { return !urlScheme.isEmpty(); }
    bool mayCall(QStringView calleeKind) const { return callees.contains(calleeKind); }
    const ConfigKey *findKey(QStringView key) const;
    const ConfigKey *findLinkKey(QStringView key) const;
    // True when a running node takes a change of `key` without a restart (ConfigKey::live).
    bool isLiveKey(QStringView key) const;
};

} // namespace infralab

#pragma once

#include "catalogue/kindinfo.h"

namespace infralab::kinds {

// One function per kind, each in its kind's folder (components/<kind>/<kind>kind.cpp), beside
// the typed parse that reads the same declaration through Settings. The catalogue lists them
// in palette order: traffic, edge, compute, data.
KindInfo trafficGenerator();
KindInfo webServer();
KindInfo reverseProxy();
KindInfo loadBalancer();
KindInfo apiGateway();
KindInfo appServer();
KindInfo database();
KindInfo cache();

} // namespace infralab::kinds

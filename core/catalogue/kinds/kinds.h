#pragma once

#include "catalogue/kindinfo.h"

namespace infralab::kinds {

// One function per kind, each in its own file under catalogue/kinds/. The catalogue lists them
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

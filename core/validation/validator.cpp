#include "validation/validator.h"

namespace infralab {

Problems validateTopology(const Topology &)
{
    return {}; // PLACEHOLDER: implemented by the format/validation work
}

} // namespace infralab

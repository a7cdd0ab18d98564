#pragma once

#include <deque>
#include <string>
#include <vector>

#include "blueprint.h"
#include "finding.h"
#include "input_files.h"
#include "object_store.h"
#include "resolver.h"

namespace flowprint {

/// A blueprint set after it has been applied as one authentik instance would
/// apply it (SPEC 3): the documents, the resulting objects, and what was found
/// on the way.
struct BlueprintSet {
    /// Files in apply order as given, then any meta-apply target read from disk.
    std::deque<Blueprint> blueprints;
    ObjectStore store;
    Findings findings;
};

/// Reads every file (in parallel), then applies them in order; `after_read`
/// sees each file as soon as it is read (see ReadHook), the meta-apply
/// targets read from disk while applying included.
BlueprintSet load_blueprint_set(const InputFiles& inputs, const ResolveSettings& settings,
                                ReadHook after_read = {});

/// Applies blueprints already read, in order (`findings` holds what reading
/// them found). Meta-apply paths are resolved against `search_dirs`.
BlueprintSet apply_blueprints(std::deque<Blueprint> blueprints, Findings findings,
                              const InputFiles& inputs, const ResolveSettings& settings);

}  // namespace flowprint

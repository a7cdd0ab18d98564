#pragma once

#include <vector>

#include "finding.h"
#include "object_store.h"

namespace flowprint {

/// The parent groups of a group as the set links them: `parent` (one group,
/// authentik up to 2025.x) or `parents` (a list, later releases). Links to
/// objects that are not live groups are left out.
std::vector<ObjectId> group_parents(const ObjectStore& store, ObjectId group);

/// Reports each cycle of group parents once, as an error at the group that
/// closes it: authentik's recursive membership query would never end on one.
/// Iterative, so that long chains of groups cannot overflow the stack.
void check_group_parent_cycles(const ObjectStore& store, Findings& findings);

}  // namespace flowprint

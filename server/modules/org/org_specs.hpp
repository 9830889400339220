#pragma once
// The organisation's records (DOMAIN O1-O3) described for the master-data engine in crud/.
#include "core/crypto.hpp"
#include "crud/spec.hpp"

namespace steward::org {

crud::Spec region_spec();
crud::Spec project_spec();
crud::Spec zone_spec();
crud::Spec building_spec();
crud::Spec unit_spec();
crud::Spec customer_spec(const core::FieldCipher& cipher);  // customer_spec.cpp
crud::Spec staff_spec();
crud::Spec team_spec();

}  // namespace steward::org

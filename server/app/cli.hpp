#pragma once

namespace steward::app {

// steward serve | migrate | demo | user add|passwd|list | backup | version
int run_cli(int argc, char** argv);

}  // namespace steward::app

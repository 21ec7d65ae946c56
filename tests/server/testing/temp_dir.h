// A directory under the system temp dir, removed with everything in it.
#ifndef SANGKIEN_TESTS_SERVER_TESTING_TEMP_DIR_H_
#define SANGKIEN_TESTS_SERVER_TESTING_TEMP_DIR_H_

#include <cstdlib>
#include <filesystem>
#include <string>

namespace sangkien::testing {

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "sangkien-test-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace sangkien::testing

#endif  // SANGKIEN_TESTS_SERVER_TESTING_TEMP_DIR_H_

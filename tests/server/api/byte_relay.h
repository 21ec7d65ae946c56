// A loopback TCP relay in front of a server that counts the bytes each way,
// so tests can see what crosses the wire (compressed or not) and how many
// connections a client opened.
#ifndef SANGKIEN_TESTS_SERVER_API_BYTE_RELAY_H_
#define SANGKIEN_TESTS_SERVER_API_BYTE_RELAY_H_

#include <atomic>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace sangkien::api_test {

class ByteRelay {
 public:
  // Listens on 127.0.0.1 (a free port) and forwards every connection to
  // 127.0.0.1:`server_port`.
  explicit ByteRelay(int server_port);
  ~ByteRelay();
  ByteRelay(const ByteRelay&) = delete;
  ByteRelay& operator=(const ByteRelay&) = delete;

  int port() const { return port_; }
  // Server to client, and client to server, since the start or Reset().
  int64_t bytes_down() const { return down_; }
  int64_t bytes_up() const { return up_; }
  int connections() const { return connections_; }
  void Reset();

 private:
  void Accept();
  void Pump(int from, int to, std::atomic<int64_t>* counter);

  int server_port_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int64_t> down_{0};
  std::atomic<int64_t> up_{0};
  std::atomic<int> connections_{0};
  std::mutex mu_;
  std::vector<int> sockets_;        // guarded by mu_
  std::vector<std::thread> pumps_;  // guarded by mu_
  std::thread acceptor_;
};

}  // namespace sangkien::api_test

#endif  // SANGKIEN_TESTS_SERVER_API_BYTE_RELAY_H_

#include "byte_relay.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>

namespace sangkien::api_test {
namespace {

sockaddr_in Loopback(int port) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  return addr;
}

}  // namespace

ByteRelay::ByteRelay(int server_port) : server_port_(server_port) {
  listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr = Loopback(0);
  socklen_t len = sizeof(addr);
  if (listener_ < 0 || ::bind(listener_, reinterpret_cast<sockaddr*>(&addr), len) != 0 ||
      ::listen(listener_, 16) != 0 ||
      ::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    std::cerr << "byte relay: cannot listen: " << std::strerror(errno) << "\n";
    std::abort();
  }
  port_ = ntohs(addr.sin_port);
  acceptor_ = std::thread([this] { Accept(); });
}

ByteRelay::~ByteRelay() {
  stop_ = true;
  ::shutdown(listener_, SHUT_RDWR);
  acceptor_.join();
  ::close(listener_);
  std::vector<std::thread> pumps;
  {
    std::lock_guard lock(mu_);
    for (int s : sockets_) ::shutdown(s, SHUT_RDWR);
    pumps.swap(pumps_);
  }
  for (auto& t : pumps) t.join();
  for (int s : sockets_) ::close(s);
}

void ByteRelay::Reset() {
  down_ = 0;
  up_ = 0;
  connections_ = 0;
}

void ByteRelay::Accept() {
  while (!stop_) {
    int client = ::accept(listener_, nullptr, nullptr);
    if (client < 0) {
      if (stop_) return;
      continue;
    }
    int server = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr = Loopback(server_port_);
    if (::connect(server, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
      ::close(server);
      ::close(client);
      continue;
    }
    ++connections_;
    std::lock_guard lock(mu_);
    sockets_.push_back(client);
    sockets_.push_back(server);
    pumps_.emplace_back([this, client, server] { Pump(client, server, &up_); });
    pumps_.emplace_back([this, client, server] { Pump(server, client, &down_); });
  }
}

void ByteRelay::Pump(int from, int to, std::atomic<int64_t>* counter) {
  char buffer[16384];
  while (true) {
    ssize_t n = ::recv(from, buffer, sizeof(buffer), 0);
    if (n <= 0) break;
    *counter += n;
    for (ssize_t sent = 0; sent < n;) {
      ssize_t m = ::send(to, buffer + sent, static_cast<size_t>(n - sent), MSG_NOSIGNAL);
      if (m <= 0) {
        ::shutdown(from, SHUT_RDWR);
        return;
      }
      sent += m;
    }
  }
  // Half-close onward so the other side sees the end, as a router would.
  ::shutdown(to, SHUT_WR);
}

}  // namespace sangkien::api_test

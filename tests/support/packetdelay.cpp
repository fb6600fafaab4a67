// packetdelay: holds every IP packet routed into a TUN device for delay ± jitter milliseconds
// (uniform, each packet drawn anew) and hands it back to the kernel through the same device.
// Policy routing in the namespace (TestNetwork::addDelay) sends packets that come back out of
// the device on to their real next hop. It is netem's "delay D J" in user space, for kernels built
// without sch_netem. Test-only; needs CAP_NET_ADMIN. Usage: packetdelay DEVICE DELAY_MS JITTER_MS
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <poll.h>
#include <queue>
#include <random>
#include <string>
#include <sys/ioctl.h>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Held
{
    Clock::time_point due;
    std::vector<char> packet;
    bool operator>(const Held &o) const { return due > o.due; }
};

} // namespace

int main(int argc, char **argv)
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: packetdelay DEVICE DELAY_MS JITTER_MS\n");
        return 2;
    }
    const int delay = std::atoi(argv[2]);
    const int jitter = std::atoi(argv[3]);
    const int fd = ::open("/dev/net/tun", O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        std::perror("packetdelay: /dev/net/tun");
        return 1;
    }
    ifreq ifr{};
    ifr.ifr_flags = IFF_TUN | IFF_NO_PI;
    std::strncpy(ifr.ifr_name, argv[1], IFNAMSIZ - 1);
    if (::ioctl(fd, TUNSETIFF, &ifr) < 0) {
        std::perror("packetdelay: TUNSETIFF");
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);

    std::mt19937 random(std::random_device{}());
    std::uniform_int_distribution<int> draw(std::max(0, delay - jitter) * 1000, (delay + jitter) * 1000);
    std::priority_queue<Held, std::vector<Held>, std::greater<>> held;
    std::vector<char> buffer(65536);
    for (;;) {
        int timeout = -1;
        if (!held.empty()) {
            const auto wait = std::chrono::ceil<std::chrono::milliseconds>(held.top().due - Clock::now());
            timeout = int(std::max<long long>(0, wait.count()));
        }
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, timeout) < 0 && errno != EINTR)
            return 1;
        if (p.revents & POLLIN) {
            const ssize_t n = ::read(fd, buffer.data(), buffer.size());
            if (n > 0)
                held.push({Clock::now() + std::chrono::microseconds(draw(random)),
                           std::vector<char>(buffer.begin(), buffer.begin() + n)});
        }
        const auto now = Clock::now();
        while (!held.empty() && held.top().due <= now) {
            // A write that fails is a packet lost, as on a real link; nothing to retry.
            [[maybe_unused]] const ssize_t w =
                ::write(fd, held.top().packet.data(), held.top().packet.size());
            held.pop();
        }
    }
}

// The persistent thread pool. Workers sleep on a condition variable between jobs (no spinning, so
// they never compete with OpenBLAS's own threads while a BLAS call runs). Sized to the CPUs this
// process may use (sched_getaffinity on Linux, so containers limited to 2 cores get 2 threads);
// BLOCKPROP_THREADS overrides.
#include "kernels.h"

#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <thread>
#include <vector>
#ifdef __linux__
#include <sched.h>
#endif

namespace bp {
namespace {

int detect_threads() {
  if (const char* env = std::getenv("BLOCKPROP_THREADS")) {
    const int n = std::atoi(env);
    if (n >= 1 && n <= 256) return n;
  }
#ifdef __linux__
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof(set), &set) == 0) {
    const int n = CPU_COUNT(&set);
    if (n >= 1) return n;
  }
#endif
  const unsigned n = std::thread::hardware_concurrency();
  return n >= 1 ? static_cast<int>(n) : 1;
}

class Pool {
 public:
  explicit Pool(int n) : size_(n) {
    for (int t = 1; t < n; ++t) workers_.emplace_back([this, t] { loop(t); });
  }
  int size() const { return size_; }

  void run(const std::function<void(int, int)>& fn) {
    // A kernel already running on the pool that calls run() again does its part alone.
    if (size_ == 1 || inside_) {
      fn(0, 1);
      return;
    }
    std::lock_guard<std::mutex> one_job(job_mutex_);
    inside_ = true;
    {
      std::lock_guard<std::mutex> lock(m_);
      job_ = &fn;
      pending_ = size_ - 1;
      ++generation_;
    }
    wake_.notify_all();
    fn(0, size_);
    std::unique_lock<std::mutex> lock(m_);
    done_.wait(lock, [this] { return pending_ == 0; });
    job_ = nullptr;
    inside_ = false;
  }

 private:
  void loop(int t) {
    unsigned long seen = 0;
    for (;;) {
      const std::function<void(int, int)>* job;
      {
        std::unique_lock<std::mutex> lock(m_);
        wake_.wait(lock, [&] { return generation_ != seen; });
        seen = generation_;
        job = job_;
      }
      inside_ = true;
      (*job)(t, size_);
      {
        std::lock_guard<std::mutex> lock(m_);
        if (--pending_ == 0) done_.notify_one();
      }
    }
  }

  const int size_;
  std::vector<std::thread> workers_;
  std::mutex job_mutex_, m_;
  std::condition_variable wake_, done_;
  const std::function<void(int, int)>* job_ = nullptr;
  int pending_ = 0;
  unsigned long generation_ = 0;
  static thread_local bool inside_;
};
thread_local bool Pool::inside_ = false;

// Never destroyed: worker threads outlive static destruction at exit (the OS ends them).
Pool& pool() {
  static Pool* p = new Pool(detect_threads());
  return *p;
}

}  // namespace

int pool_threads() { return pool().size(); }
void pool_run(const std::function<void(int, int)>& fn) { pool().run(fn); }

}  // namespace bp

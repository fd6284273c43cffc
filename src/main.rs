//! Start-up: install the panic hook and mount the application.

fn main() {
    #[cfg(target_arch = "wasm32")]
    union_state::app::start();
}

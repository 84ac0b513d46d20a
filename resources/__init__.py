"""Resources shipped with DutyDesk: translations, icons, sounds, styles."""

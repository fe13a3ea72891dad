from otguide.cli import main

raise SystemExit(main())

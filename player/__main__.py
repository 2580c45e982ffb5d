from player.app import main

raise SystemExit(main())

[ "héllo" "日本語" "emoji 🎉" "\é" "zero​width" ]

<?php
/*
 * Run by the tests with PHP's CLI: `php tool.php DOCROOT COMMAND JSON-FILE`.
 *   install  {url, title}                     wp_install(), pretty permalinks, the theme
 *   load     [{type, slug, title, content, date_gmt, modified_gmt, trash}]
 *            insert or update each post by (type, slug); trash those marked so
 *   options  {name: value}                    update_option() each
 */
[$self, $root, $command, $file] = $argv;
$args = json_decode(file_get_contents($file), true);
$parts = parse_url($command === 'install' ? $args['url'] : file_get_contents("$root/.url"));
$_SERVER['HTTP_HOST'] = $parts['host'] . (isset($parts['port']) ? ':' . $parts['port'] : '');
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
if ($command === 'install') {
    define('WP_INSTALLING', true);
}
require "$root/wp-load.php";

if ($command === 'install') {
    require_once ABSPATH . 'wp-admin/includes/upgrade.php';
    file_put_contents("$root/.url", $args['url']);
    wp_install($args['title'], 'admin', 'admin@example.invalid', true, '', wp_generate_password(), 'en_GB');
    update_option('siteurl', $args['url']);
    update_option('home', $args['url']);
    update_option('permalink_structure', '/%postname%/');
    update_option('posts_per_page', 10);
    switch_theme('watchtest');
    echo "installed\n";
    exit(0);
}
if ($command === 'options') {
    foreach ($args as $name => $value) {
        update_option($name, (string) $value);
    }
    flush_rewrite_rules();
    exit(0);
}
if ($command !== 'load') {
    fwrite(STDERR, "unknown command $command\n");
    exit(2);
}
global $wpdb;
foreach ($args as $p) {
    $found = get_posts(['post_type' => $p['type'], 'name' => $p['slug'], 'post_status' => 'any',
                        'numberposts' => 1]);
    if (!$found) {  // a trashed post's slug carries __trashed
        $found = get_posts(['post_type' => $p['type'], 'name' => $p['slug'] . '__trashed',
                            'post_status' => 'trash', 'numberposts' => 1]);
    }
    $post = $found ? $found[0] : null;
    if (!empty($p['trash'])) {
        if ($post && $post->post_status !== 'trash') {
            wp_trash_post($post->ID);
        }
        continue;
    }
    if ($post && $post->post_status === 'trash') {
        wp_untrash_post($post->ID);
        wp_update_post(['ID' => $post->ID, 'post_status' => 'publish', 'post_name' => $p['slug']]);
        $post = get_post($post->ID);
    }
    if ($post && $post->post_title === $p['title'] && $post->post_content === $p['content']) {
        continue;  // unchanged: keep its dates
    }
    $data = [
        'post_type' => $p['type'], 'post_name' => $p['slug'], 'post_title' => $p['title'],
        'post_content' => $p['content'], 'post_status' => 'publish',
        'post_date_gmt' => $p['date_gmt'], 'post_date' => get_date_from_gmt($p['date_gmt']),
    ];
    if ($post) {
        $data['ID'] = $post->ID;
        $id = wp_update_post(wp_slash($data), true);
    } else {
        $id = wp_insert_post(wp_slash($data), true);
    }
    if (is_wp_error($id)) {
        fwrite(STDERR, $p['slug'] . ': ' . $id->get_error_message() . "\n");
        exit(1);
    }
    // WordPress stamps an update with the current time; the site's history says when.
    $wpdb->update($wpdb->posts, ['post_modified_gmt' => $p['modified_gmt'],
                                 'post_modified' => get_date_from_gmt($p['modified_gmt'])],
                  ['ID' => $id]);
    clean_post_cache($id);
}
echo "loaded\n";
